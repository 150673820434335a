-- id: failed_access
-- title: Failed authentication and authorization
-- description: Calls refused for want of permission or valid credentials, and failed console sign-ins; errors that are not about access (NoSuchEntity, throttling) are left out.
-- window: 7d
-- param: principal text % LIKE pattern the caller's ARN (or user name) must match
-- columns: event_time, account, region, principal, event_source, event_name, error_code, source_ip
SELECT eventTime AS event_time,
       account,
       region,
       coalesce(userIdentity.arn, userIdentity.userName, userIdentity.principalId) AS principal,
       eventSource AS event_source,
       eventName AS event_name,
       coalesce(errorCode, errorMessage, 'Failure') AS error_code,
       sourceIPAddress AS source_ip
FROM events
WHERE (
    (eventName = 'ConsoleLogin' AND json_extract_scalar(responseElements, '$.ConsoleLogin') = 'Failure')
    OR errorCode LIKE '%AccessDenied%'
    OR errorCode LIKE '%Unauthorized%'
    OR errorCode IN ('AuthFailure', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken',
                     'InvalidAccessKeyId', 'IncompleteSignature', 'NotAuthorized')
  )
  AND coalesce(userIdentity.arn, userIdentity.userName, userIdentity.principalId, '') LIKE {{principal}}
ORDER BY event_time, account, eventID

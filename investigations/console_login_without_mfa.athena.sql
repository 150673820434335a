-- id: console_login_without_mfa
-- title: Console sign-in without MFA
-- description: Successful console sign-ins of IAM users and root without multi-factor authentication (CIS 4.2); sign-ins through IAM Identity Center or SAML carry their MFA elsewhere and are left out.
-- window: 7d
-- param: account text % LIKE pattern of the account signed in to
-- columns: event_time, account, user_type, principal, source_ip, user_agent
SELECT eventTime AS event_time,
       account,
       userIdentity.type AS user_type,
       coalesce(userIdentity.arn, userIdentity.userName) AS principal,
       sourceIPAddress AS source_ip,
       userAgent AS user_agent
FROM events
WHERE eventName = 'ConsoleLogin'
  AND userIdentity.type IN ('IAMUser', 'Root')
  AND json_extract_scalar(responseElements, '$.ConsoleLogin') = 'Success'
  AND coalesce(json_extract_scalar(additionalEventData, '$.MFAUsed'), 'No') <> 'Yes'
  AND account LIKE {{account}}
ORDER BY event_time, account, eventID

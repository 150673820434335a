-- id: cross_account_assume_role
-- title: Cross-account role assumptions
-- description: Every AssumeRole where the caller's account is not the account of the role it assumed, refused ones too: who reached into which account, from where.
-- window: 24h
-- param: role text % LIKE pattern the assumed role's ARN must match (% is any text)
-- columns: event_time, caller_account, caller_arn, target_account, role_arn, source_ip, region, error_code
SELECT eventTime AS event_time,
       userIdentity.accountId AS caller_account,
       userIdentity.arn AS caller_arn,
       recipientAccountId AS target_account,
       json_extract_scalar(requestParameters, '$.roleArn') AS role_arn,
       sourceIPAddress AS source_ip,
       region,
       errorCode AS error_code
FROM events
WHERE eventSource = 'sts.amazonaws.com'
  AND eventName = 'AssumeRole'
  -- An AWS service assuming a role has no caller account; the same account is no boundary crossed.
  AND userIdentity.accountId IS NOT NULL
  AND userIdentity.accountId <> recipientAccountId
  AND coalesce(json_extract_scalar(requestParameters, '$.roleArn'), '') LIKE {{role}}
ORDER BY event_time, caller_account, eventID

-- id: root_activity
-- title: Root user activity
-- description: Every call the root user of an account made itself (CIS 4.3): not those an AWS service made on its behalf, nor service events.
-- window: 7d
-- param: account text % LIKE pattern of the account the root user belongs to
-- columns: event_time, account, region, event_source, event_name, error_code, source_ip, user_agent
SELECT eventTime AS event_time,
       userIdentity.accountId AS account,
       region,
       eventSource AS event_source,
       eventName AS event_name,
       errorCode AS error_code,
       sourceIPAddress AS source_ip,
       userAgent AS user_agent
FROM events
WHERE userIdentity.type = 'Root'
  AND userIdentity.invokedBy IS NULL
  AND coalesce(eventType, '') <> 'AwsServiceEvent'
  AND coalesce(userIdentity.accountId, '') LIKE {{account}}
ORDER BY event_time, account, eventID

-- id: audit_log_tampering
-- title: Attempts to blind the audit log
-- description: Calls that stop, delete or narrow the organization trail, and changes to its log bucket's policy, lifecycle, versioning, Object Lock, ACL or public access block, including the attempts that were refused (AccessDenied, an SCP). A member's own trail is not the audit log.
-- window: 7d
-- param: trail text @trail the organization trail's name (default: the snapshot's)
-- param: bucket text @log_bucket the organization trail's log bucket (default: the snapshot's)
-- columns: event_time, account, region, principal, event_name, target, error_code, source_ip
WITH calls AS (
  SELECT *,
         CASE WHEN eventSource = 'cloudtrail.amazonaws.com'
              THEN coalesce(json_extract_scalar(requestParameters, '$.name'), json_extract_scalar(requestParameters, '$.trailName'))
              ELSE json_extract_scalar(requestParameters, '$.bucketName') END AS target
  FROM events
  WHERE (eventSource = 'cloudtrail.amazonaws.com'
         AND eventName IN ('StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors'))
     OR (eventSource = 's3.amazonaws.com'
         AND eventName IN ('PutBucketPolicy', 'DeleteBucketPolicy', 'PutBucketLifecycle', 'PutBucketLifecycleConfiguration',
                           'DeleteBucketLifecycle', 'PutBucketVersioning', 'PutObjectLockConfiguration',
                           'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock', 'PutBucketAcl'))
)
SELECT eventTime AS event_time,
       account,
       region,
       coalesce(userIdentity.arn, userIdentity.principalId) AS principal,
       eventName AS event_name,
       target,
       errorCode AS error_code,
       sourceIPAddress AS source_ip
FROM calls
-- A trail is named by its name or its ARN (arn:aws:cloudtrail:<region>:<account>:trail/<name>).
WHERE (eventSource = 'cloudtrail.amazonaws.com' AND (target = {{trail}} OR target LIKE '%:trail/' || {{trail}}))
   OR (eventSource = 's3.amazonaws.com' AND target = {{bucket}})
ORDER BY event_time, account, eventID

-- id: sensitive_resource_access
-- title: Access to sensitive resources
-- description: Who read or wrote each sensitive S3 bucket and DynamoDB table (config.yaml organization.sensitiveResources), from which account: the HIPAA auditor's question. Needs the trail's data events for them.
-- window: 7d
-- param: buckets list @sensitive_buckets bucket names (default: config.yaml's s3Buckets)
-- param: tables list @sensitive_tables table names or ARNs (default: config.yaml's dynamodbTables)
-- columns: event_time, resource, caller_account, principal, account, region, event_name, access, error_code
WITH touched AS (
  SELECT *,
         CASE WHEN eventSource = 's3.amazonaws.com' THEN json_extract_scalar(requestParameters, '$.bucketName')
              -- A table is named by its name or its ARN; compare names.
              ELSE regexp_replace(json_extract_scalar(requestParameters, '$.tableName'), '^arn:[^:]*:dynamodb:[^:]*:[^:]*:table/', '') END AS name
  FROM events
  WHERE eventSource IN ('s3.amazonaws.com', 'dynamodb.amazonaws.com')
)
SELECT eventTime AS event_time,
       CASE WHEN eventSource = 's3.amazonaws.com' THEN 's3://' || name ELSE 'dynamodb:' || name END AS resource,
       userIdentity.accountId AS caller_account,
       coalesce(userIdentity.arn, userIdentity.principalId) AS principal,
       account,
       region,
       eventName AS event_name,
       CASE WHEN readOnly THEN 'read' ELSE 'write' END AS access,
       errorCode AS error_code
FROM touched
WHERE (eventSource = 's3.amazonaws.com' AND contains({{buckets}}, name))
   OR (eventSource = 'dynamodb.amazonaws.com'
       AND contains(transform({{tables}}, t -> regexp_replace(t, '^arn:[^:]*:dynamodb:[^:]*:[^:]*:table/', '')), name))
ORDER BY event_time, resource, eventID

CREATE EXTERNAL TABLE IF NOT EXISTS `security_logs`.`org_events` (
  `eventVersion` STRING,
  `userIdentity` STRUCT<type:STRING, principalId:STRING, arn:STRING, accountId:STRING, invokedBy:STRING, accessKeyId:STRING, userName:STRING, sessionContext:STRING, onBehalfOf:STRING>,
  `eventTime` STRING,
  `eventSource` STRING,
  `eventName` STRING,
  `awsRegion` STRING,
  `sourceIPAddress` STRING,
  `userAgent` STRING,
  `errorCode` STRING,
  `errorMessage` STRING,
  `requestParameters` STRING,
  `responseElements` STRING,
  `additionalEventData` STRING,
  `requestID` STRING,
  `eventID` STRING,
  `readOnly` BOOLEAN,
  `resources` STRING,
  `eventType` STRING,
  `apiVersion` STRING,
  `managementEvent` BOOLEAN,
  `recipientAccountId` STRING,
  `serviceEventDetails` STRING,
  `sharedEventID` STRING,
  `vpcEndpointId` STRING,
  `eventCategory` STRING,
  `tlsDetails` STRING,
  `sessionCredentialFromConsole` STRING
)
COMMENT 'CloudTrail records of the organization trail acme-org-trail (trailwarden logs athena-ddl)'
PARTITIONED BY (`account` STRING, `region` STRING, `day` STRING)
ROW FORMAT SERDE 'com.amazon.emr.hive.serde.CloudTrailSerde'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://acme-org-cloudtrail-logs/AWSLogs/o-a1b2c3d4e5/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.account.type' = 'enum',
  'projection.account.values' = '111111111111,222222222222,333333333333,444444444444',
  'projection.region.type' = 'enum',
  'projection.region.values' = 'us-east-1,us-west-2,eu-west-1',
  'projection.day.type' = 'date',
  'projection.day.format' = 'yyyy/MM/dd',
  'projection.day.range' = '2024/01/01,NOW',
  'projection.day.interval' = '1',
  'projection.day.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://acme-org-cloudtrail-logs/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${day}'
)

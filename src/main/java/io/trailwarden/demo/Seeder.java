package io.trailwarden.demo;

import io.trailwarden.aws.AwsSettings;
import io.trailwarden.aws.ClientFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Builds AWS Organizations on the emulator through the real SDK, the way an administrator would.
 * It writes, so it refuses any endpoint that is not on this machine's loopback interface.
 */
public final class Seeder implements AutoCloseable {
  /** moto's default account: the credentials in use act in it, so it becomes the management account. */
  public static final String MANAGEMENT_ACCOUNT = "123456789012";
  public static final String HOME_REGION = "us-east-1";
  /** How long logs are kept: six years, what HIPAA asks for documentation. */
  public static final int RETENTION_DAYS = 2190;

  private final ClientFactory clients;
  private String rootId = "";

  public Seeder(URI endpoint) {
    requireLoopback(endpoint);
    this.clients = new ClientFactory(new AwsSettings(Optional.of(endpoint), HOME_REGION, "OrganizationAccountAccessRole",
        Optional.empty(), 4), credentials(), List.of());
    clients.managementAccount(MANAGEMENT_ACCOUNT);
  }

  /** Credentials for the emulator only; moto accepts any and maps them to its default account. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator"));
  }

  /** Creates the organization (all features, SCPs enabled, CloudTrail trusted) and returns its id. */
  public String organization() {
    var org = clients.organizations(MANAGEMENT_ACCOUNT);
    String id = org.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL)).organization().id();
    rootId = org.listRoots().roots().get(0).id();
    org.enablePolicyType(r -> r.rootId(rootId).policyType(PolicyType.SERVICE_CONTROL_POLICY));
    org.enableAWSServiceAccess(r -> r.servicePrincipal("cloudtrail.amazonaws.com"));
    return id;
  }

  public String rootId() {
    return rootId;
  }

  public String organizationalUnit(String parentId, String name) {
    return clients.organizations(MANAGEMENT_ACCOUNT)
        .createOrganizationalUnit(r -> r.parentId(parentId).name(name)).organizationalUnit().id();
  }

  /** Creates a member account and moves it under the parent; returns its id. */
  public String account(String name, String parentId) {
    var org = clients.organizations(MANAGEMENT_ACCOUNT);
    String id = org.createAccount(r -> r.accountName(name).email(name + "@example.com")).createAccountStatus().accountId();
    if (!parentId.equals(rootId)) {
      org.moveAccount(r -> r.accountId(id).sourceParentId(rootId).destinationParentId(parentId));
    }
    return id;
  }

  public String scp(String name, String document, List<String> targets) {
    var org = clients.organizations(MANAGEMENT_ACCOUNT);
    String id = org.createPolicy(r -> r.name(name).description(name).type(PolicyType.SERVICE_CONTROL_POLICY).content(document))
        .policy().policySummary().id();
    targets.forEach(target -> org.attachPolicy(r -> r.policyId(id).targetId(target)));
    return id;
  }

  /** A bucket in an account, with an optional policy, public access blocked, versioning and encryption on. */
  public void bucket(String account, String name, Optional<String> policy) {
    var s3 = clients.s3(account, HOME_REGION);
    s3.createBucket(r -> r.bucket(name));
    policy.ifPresent(p -> s3.putBucketPolicy(r -> r.bucket(name).policy(p)));
    protect(s3, name);
  }

  private static void protect(software.amazon.awssdk.services.s3.S3Client s3, String name) {
    s3.putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(c -> c
        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
    s3.putBucketVersioning(r -> r.bucket(name).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putBucketEncryption(r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
  }

  /**
   * The log archive's bucket as best practice has it: the given policy, public access blocked,
   * versioning, Object Lock in COMPLIANCE mode for the retention period, default encryption, server
   * access logs into a bucket beside it, and (optionally) the archive lifecycle.
   */
  public void logArchiveBucket(String account, String name, String policy, boolean lifecycle) {
    var s3 = clients.s3(account, HOME_REGION);
    s3.createBucket(r -> r.bucket(name).objectLockEnabledForBucket(true));
    s3.putObjectLockConfiguration(r -> r.bucket(name).objectLockConfiguration(c -> c.objectLockEnabled("Enabled")
        .rule(rule -> rule.defaultRetention(d -> d.mode("COMPLIANCE").days(RETENTION_DAYS)))));
    s3.putBucketPolicy(r -> r.bucket(name).policy(policy));
    protect(s3, name);
    String accessLogs = name + "-access-logs";
    s3.createBucket(r -> r.bucket(accessLogs));
    protect(s3, accessLogs);
    // The S3 log delivery group writes access logs (a target bucket must grant it, on AWS as on the emulator).
    s3.putBucketAcl(r -> r.bucket(accessLogs).acl("log-delivery-write"));
    s3.putBucketLogging(r -> r.bucket(name).bucketLoggingStatus(l -> l.loggingEnabled(e -> e.targetBucket(accessLogs)
        .targetPrefix(name + "/"))));
    if (lifecycle) {
      archiveLifecycle(account, name, 90, 2555);
    }
  }

  /** A customer managed KMS key with yearly rotation; returns its ARN. */
  public String kmsKey(String account, String region) {
    var kms = clients.kms(account, region);
    String arn = kms.createKey(r -> r.description("CloudTrail log encryption")).keyMetadata().arn();
    kms.enableKeyRotation(r -> r.keyId(arn));
    return arn;
  }

  /** Encrypts the trail's log files with the KMS key (SSE-KMS). */
  public void encrypt(String account, String region, String trailArn, String keyArn) {
    clients.cloudTrail(account, region).updateTrail(r -> r.name(trailArn).kmsKeyId(keyArn));
  }

  /** Logs older than {@code archiveAfterDays} move to Glacier; they expire after {@code expireAfterDays}. */
  public void archiveLifecycle(String account, String bucket, int archiveAfterDays, int expireAfterDays) {
    clients.s3(account, HOME_REGION).putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(
        BucketLifecycleConfiguration.builder().rules(LifecycleRule.builder()
            .id("archive-cloudtrail-logs").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("AWSLogs/"))
            .transitions(t -> t.days(archiveAfterDays).storageClass(TransitionStorageClass.GLACIER))
            .expiration(e -> e.days(expireAfterDays))
            .build()).build()));
  }

  /** Creates a trail in the account and region and starts it; returns its ARN. */
  public String trail(String account, String region, String name, String bucket, boolean organization, boolean multiRegion,
      boolean validation) {
    var cloudTrail = clients.cloudTrail(account, region);
    String arn = cloudTrail.createTrail(r -> r.name(name).s3BucketName(bucket).isOrganizationTrail(organization)
        .isMultiRegionTrail(multiRegion).enableLogFileValidation(validation).includeGlobalServiceEvents(true)).trailARN();
    cloudTrail.startLogging(r -> r.name(arn));
    return arn;
  }

  /** Logs all management events and the object-level events of the given buckets. */
  public void eventSelectors(String account, String region, String trailArn, List<String> dataBuckets) {
    EventSelector.Builder selector = EventSelector.builder().readWriteType(ReadWriteType.ALL).includeManagementEvents(true);
    if (!dataBuckets.isEmpty()) {
      selector.dataResources(DataResource.builder().type("AWS::S3::Object")
          .values(dataBuckets.stream().map(b -> "arn:aws:s3:::" + b + "/").toList()).build());
    }
    clients.cloudTrail(account, region).putEventSelectors(r -> r.trailName(trailArn).eventSelectors(selector.build()));
  }

  /** A CloudWatch Logs group with the retention; returns the ARN a trail names it by. */
  public String logGroup(String account, String region, String name, int retentionDays) {
    var logs = clients.logs(account, region);
    logs.createLogGroup(r -> r.logGroupName(name));
    logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(retentionDays));
    return "arn:aws:logs:" + region + ":" + account + ":log-group:" + name + ":*";
  }

  /** Points the trail's CloudWatch Logs delivery at the log group. */
  public void deliverToCloudWatch(String account, String region, String trailArn, String logGroupArn) {
    clients.cloudTrail(account, region).updateTrail(r -> r.name(trailArn).cloudWatchLogsLogGroupArn(logGroupArn)
        .cloudWatchLogsRoleArn("arn:aws:iam::" + account + ":role/CloudTrailToCloudWatchLogs"));
  }

  /** The bucket's policy, or empty when it has none. */
  public Optional<String> bucketPolicy(String account, String bucket) {
    try {
      return Optional.of(clients.s3(account, HOME_REGION).getBucketPolicy(r -> r.bucket(bucket)).policy());
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Puts the policy back, or leaves the bucket without one. */
  public void restoreBucketPolicy(String account, String bucket, Optional<String> policy) {
    var s3 = clients.s3(account, HOME_REGION);
    if (policy.isPresent()) {
      s3.putBucketPolicy(r -> r.bucket(bucket).policy(policy.get()));
    } else {
      s3.deleteBucketPolicy(r -> r.bucket(bucket));
    }
  }

  /** The account's CloudWatch Logs client in the region (tests delete a log group between seeding and scanning). */
  public software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient logs(String account, String region) {
    return clients.logs(account, region);
  }

  /** The account's S3 client in the home region, for writing objects (the demo's delivered logs). */
  public software.amazon.awssdk.services.s3.S3Client s3(String account) {
    return clients.s3(account, HOME_REGION);
  }

  /** A metric filter on a log group that publishes 1 to {@code metricName} in {@code namespace} per matching event. */
  public void metricFilter(String account, String region, String group, String name, String pattern, String metricName, String namespace) {
    clients.logs(account, region).putMetricFilter(r -> r.logGroupName(group).filterName(name).filterPattern(pattern)
        .metricTransformations(t -> t.metricName(metricName).metricNamespace(namespace).metricValue("1")));
  }

  /** An SNS topic; returns its ARN. */
  public String topic(String account, String region, String name) {
    return clients.sns(account, region).createTopic(r -> r.name(name)).topicArn();
  }

  /** Subscribes an endpoint to a topic (the emulator confirms at once; AWS waits for the subscriber). */
  public void subscribe(String account, String region, String topicArn, String protocol, String endpoint) {
    clients.sns(account, region).subscribe(r -> r.topicArn(topicArn).protocol(protocol).endpoint(endpoint));
  }

  /** A CIS-style alarm: the metric's Sum over 5 minutes at least 1, notifying {@code actions}. */
  public void alarm(String account, String region, String name, String metricName, String namespace, boolean actionsEnabled,
      List<String> actions) {
    clients.cloudWatch(account, region).putMetricAlarm(r -> r.alarmName(name).metricName(metricName).namespace(namespace)
        .statistic("Sum").period(300).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanOrEqualToThreshold")
        .actionsEnabled(actionsEnabled).alarmActions(actions).treatMissingData("notBreaching"));
  }

  /**
   * The CIS monitoring chain on a log group for every control that {@code fault} leaves alone: the
   * control's filter (named after its metric, namespace CISBenchmark) and an alarm on it notifying
   * {@code topicArn}. {@code fault} may seed a broken chain itself and return true to skip the usual one.
   */
  public void monitoring(String account, String region, String group, String topicArn,
      java.util.function.Predicate<io.trailwarden.policy.MonitoringControls.Control> fault) {
    for (var control : io.trailwarden.policy.MonitoringControls.load()) {
      if (!fault.test(control)) {
        metricFilter(account, region, group, control.metricName(), control.pattern(), control.metricName(), MONITORING_NAMESPACE);
        alarm(account, region, control.metricName(), control.metricName(), MONITORING_NAMESPACE, true, List.of(topicArn));
      }
    }
  }

  /** Enables Security Hub in the account and region (without the default standards: the hub is what is judged). */
  public void securityHub(String account, String region) {
    clients.securityHub(account, region).enableSecurityHub(r -> r.enableDefaultStandards(false));
  }

  /** Creates the account's GuardDuty detector in the region, enabled or suspended; returns its id. */
  public String detector(String account, String region, boolean enabled) {
    return clients.guardDuty(account, region).createDetector(r -> r.enable(enabled)).detectorId();
  }

  /** Makes the account the organization's delegated GuardDuty administrator in the region, from the management account. */
  public void guardDutyAdministrator(String region, String account) {
    clients.guardDuty(MANAGEMENT_ACCOUNT, region).enableOrganizationAdminAccount(r -> r.adminAccountId(account));
  }

  /** How a seeded organization runs one security tool in one account and region. */
  public enum Tool { ON, OFF, SUSPENDED }

  /**
   * Security Hub and a GuardDuty detector in every account x region, as {@code hub} and
   * {@code detector} say for each place (SUSPENDED means a detector that is not enabled), and
   * {@code administrator} as GuardDuty's delegated administrator in every region.
   */
  public void securityTools(List<String> accounts, List<String> regions, String administrator,
      java.util.function.BiFunction<String, String, Tool> hub, java.util.function.BiFunction<String, String, Tool> detector) {
    for (String region : regions) {
      guardDutyAdministrator(region, administrator);
      for (String account : accounts) {
        if (hub.apply(account, region) == Tool.ON) {
          securityHub(account, region);
        }
        Tool d = detector.apply(account, region);
        if (d != Tool.OFF) {
          detector(account, region, d == Tool.ON);
        }
      }
    }
  }

  /** The namespace the seeded organizations publish their CIS metrics in. */
  public static final String MONITORING_NAMESPACE = "CISBenchmark";

  @Override
  public void close() {
    clients.close();
  }

  private static void requireLoopback(URI endpoint) {
    try {
      if (endpoint.getHost() == null || !InetAddress.getByName(endpoint.getHost()).isLoopbackAddress()) {
        throw new IllegalArgumentException("the seeder writes to AWS APIs and only runs against a local emulator, not " + endpoint);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown emulator host " + endpoint, e);
    }
  }
}

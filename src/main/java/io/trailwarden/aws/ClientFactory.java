package io.trailwarden.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Makes AWS SDK clients for an account and region: the default credential chain for the management
 * account, assume-role into each member account, per-call retries ({@link #retryStrategy()}), one shared HTTP connection pool,
 * and the endpoint override that points everything at an emulator. Clients are cached and closed with
 * the factory. Nothing is created until asked for.
 */
public final class ClientFactory implements AutoCloseable {
  /** Session name of every assumed role, so CloudTrail shows who read. */
  public static final String SESSION_NAME = "trailwarden";
  /** Attempts per call, the first included. */
  public static final int MAX_ATTEMPTS = 8;

  private final AwsSettings settings;
  private final AwsCredentialsProvider baseCredentials;
  private final List<ExecutionInterceptor> interceptors;
  private final SdkHttpClient http;
  private final Map<String, AwsCredentialsProvider> memberCredentials = new ConcurrentHashMap<>();
  private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();
  private volatile String managementAccountId = "";

  public ClientFactory(AwsSettings settings, AwsCredentialsProvider baseCredentials, List<ExecutionInterceptor> interceptors) {
    this.settings = settings;
    this.baseCredentials = baseCredentials;
    this.interceptors = List.copyOf(interceptors);
    this.http = ApacheHttpClient.builder()
        .maxConnections(Math.max(16, settings.concurrency() * 2))
        .connectionTimeout(Duration.ofSeconds(10))
        .socketTimeout(Duration.ofSeconds(60))
        .build();
  }

  public static ClientFactory withDefaultCredentials(AwsSettings settings, List<ExecutionInterceptor> interceptors) {
    return new ClientFactory(settings, DefaultCredentialsProvider.builder().build(), interceptors);
  }

  public AwsSettings settings() {
    return settings;
  }

  /** The account of the base credentials (STS GetCallerIdentity). */
  public String callerAccountId() {
    return callerIdentity().account();
  }

  /** Who the base credentials are (STS GetCallerIdentity): account and ARN, never a secret. */
  public GetCallerIdentityResponse callerIdentity() {
    try (StsClient sts = configure(StsClient.builder(), baseCredentials, settings.homeRegion()).build()) {
      return sts.getCallerIdentity();
    }
  }

  /** The account whose credentials are the base ones; calls for it use them directly. */
  public void managementAccount(String accountId) {
    this.managementAccountId = accountId;
  }

  /** The credentials for an account: the base ones for the management account, an assumed role otherwise. */
  public AwsCredentialsProvider credentials(String accountId) {
    if (accountId.equals(managementAccountId)) {
      return baseCredentials;
    }
    return memberCredentials.computeIfAbsent(accountId, this::assumeRole);
  }

  public String roleArn(String accountId) {
    return "arn:aws:iam::" + accountId + ":role/" + settings.memberRoleName();
  }

  public StsClient sts(String accountId) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("sts", accountId, settings.homeRegion(), () -> configure(StsClient.builder(), credentials, settings.homeRegion()).build());
  }

  public OrganizationsClient organizations(String accountId) {
    // Organizations is a global service served from us-east-1.
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("organizations", accountId, "us-east-1", () -> configure(OrganizationsClient.builder(), credentials, "us-east-1").build());
  }

  public Ec2Client ec2(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("ec2", accountId, region, () -> configure(Ec2Client.builder(), credentials, region).build());
  }

  public CloudTrailClient cloudTrail(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("cloudtrail", accountId, region, () -> configure(CloudTrailClient.builder(), credentials, region).build());
  }

  /**
   * A CloudTrail client that is not cached, for a call made once per account and region: the caller
   * closes it, so memory does not grow with accounts x regions (the HTTP pool stays shared).
   */
  public CloudTrailClient openCloudTrail(String accountId, String region) {
    return configure(CloudTrailClient.builder(), credentials(accountId), region).build();
  }

  public S3Client s3(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("s3", accountId, region, () -> configure(S3Client.builder(), credentials, region)
        .forcePathStyle(settings.endpoint().isPresent())
        .build());
  }

  public S3ControlClient s3Control(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("s3control", accountId, region, () -> {
      var builder = configure(S3ControlClient.builder(), credentials, region);
      settings.endpoint().ifPresent(endpoint -> {
        // S3 Control's endpoint rules put the account id in front of the host name, which an emulator on
        // loopback cannot have: use the override exactly as given.
        builder.endpointProvider(params -> java.util.concurrent.CompletableFuture.completedFuture(
            software.amazon.awssdk.endpoints.Endpoint.builder().url(endpoint).build()));
        builder.overrideConfiguration(overrides().toBuilder()
            .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true).build());
      });
      return builder.build();
    });
  }

  public CloudWatchLogsClient logs(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("logs", accountId, region, () -> configure(CloudWatchLogsClient.builder(), credentials, region).build());
  }

  /** CloudWatch (metric alarms); the module is held at a Query-speaking version, see pom.xml. */
  public CloudWatchClient cloudWatch(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("cloudwatch", accountId, region, () -> configure(CloudWatchClient.builder(), credentials, region).build());
  }

  public SnsClient sns(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("sns", accountId, region, () -> configure(SnsClient.builder(), credentials, region).build());
  }

  public KmsClient kms(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("kms", accountId, region, () -> configure(KmsClient.builder(), credentials, region).build());
  }

  public AthenaClient athena(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("athena", accountId, region, () -> configure(AthenaClient.builder(), credentials, region).build());
  }

  public SecurityHubClient securityHub(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("securityhub", accountId, region, () -> configure(SecurityHubClient.builder(), credentials, region).build());
  }

  public GuardDutyClient guardDuty(String accountId, String region) {
    AwsCredentialsProvider credentials = credentials(accountId);
    return cached("guardduty", accountId, region, () -> configure(GuardDutyClient.builder(), credentials, region).build());
  }

  @Override
  public void close() {
    clients.values().forEach(ClientFactory::closeQuietly);
    clients.clear();
    memberCredentials.values().forEach(ClientFactory::closeQuietly);
    http.close();
  }

  private AwsCredentialsProvider assumeRole(String accountId) {
    AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
        .roleArn(roleArn(accountId))
        .roleSessionName(SESSION_NAME);
    settings.externalId().ifPresent(request::externalId);
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts(managementAccountId))
        .refreshRequest(request.build())
        .asyncCredentialUpdateEnabled(false)
        .build();
  }

  private <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> B configure(
      B builder, AwsCredentialsProvider credentials, String region) {
    builder.credentialsProvider(credentials)
        .region(Region.of(region))
        .httpClient(http)
        .overrideConfiguration(overrides());
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder;
  }

  /**
   * Retries cost time only where the faults are: each call backs off on its own (exponential, full
   * jitter), with no client-side rate limiter (ADAPTIVE's would slow every call of a shared client, the
   * management account's STS and Organizations clients above all, after a few throttles) and no retry
   * quota (which, once spent under faults, refuses the retries of every later call). Eight attempts
   * leave a call that fails at random 40 % of the time unanswered once in 1,500.
   */
  static RetryStrategy retryStrategy() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(MAX_ATTEMPTS)
        .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(5)))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(250), Duration.ofSeconds(20)))
        .circuitBreakerEnabled(false)
        .build();
  }

  private ClientOverrideConfiguration overrides() {
    ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
        .retryStrategy(retryStrategy())
        .apiCallTimeout(Duration.ofMinutes(5));
    interceptors.forEach(overrides::addExecutionInterceptor);
    return overrides.build();
  }

  // Credentials are resolved before this is called: resolving them may create a client, and the map
  // must not be updated from inside its own computeIfAbsent.
  @SuppressWarnings("unchecked")
  private <T extends AutoCloseable> T cached(String service, String accountId, String region, Supplier<T> create) {
    return (T) clients.computeIfAbsent(service + "/" + accountId + "/" + region, key -> create.get());
  }

  private static void closeQuietly(Object closeable) {
    if (closeable instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing a client releases only local resources; nothing to report.
      }
    }
  }
}

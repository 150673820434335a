package io.trailwarden.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trailwarden.demo.Seeder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The fault proxy seen through the real SDK, retries off: each injected error arrives as the SDK's
 * own classification of AWS's wire form (code, status, throttling or not), a reset as a client-side
 * I/O failure, and the same seed injects the same faults.
 */
class FaultProxyIT {
  @RegisterExtension static final Moto MOTO = new Moto();

  static FaultProxy proxy(FaultProxy.Kind kind) {
    return FaultProxy.start(MOTO.endpoint(), new FaultProxy.Plan(7, 1.0, List.of(kind), Set.of(), Set.of()), "emulator",
        Seeder.MANAGEMENT_ACCOUNT);
  }

  static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
    return builder.endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(Seeder.credentials())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
  }

  /** As ClientFactory makes it for an emulator: the override as the endpoint, no account-id host prefix. */
  static S3ControlClient s3Control(URI endpoint) {
    return configure(S3ControlClient.builder(), endpoint)
        .endpointProvider(params -> java.util.concurrent.CompletableFuture.completedFuture(
            software.amazon.awssdk.endpoints.Endpoint.builder().url(endpoint).build()))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
            .putAdvancedOption(software.amazon.awssdk.core.client.config.SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  static AwsServiceException serviceError(Runnable call) {
    return catchThrowableOfType(AwsServiceException.class, call::run);
  }

  @Test
  void throttlingComesInEachProtocolsForm() {
    try (FaultProxy proxy = proxy(FaultProxy.Kind.THROTTLE);
        CloudTrailClient cloudTrail = configure(CloudTrailClient.builder(), proxy.endpoint()).build();
        OrganizationsClient org = configure(OrganizationsClient.builder(), proxy.endpoint()).build();
        StsClient sts = configure(StsClient.builder(), proxy.endpoint()).build();
        S3Client s3 = configure(S3Client.builder(), proxy.endpoint()).forcePathStyle(true).build();
        S3ControlClient control = s3Control(proxy.endpoint())) {
      assertThrottled(serviceError(cloudTrail::describeTrails), 400, "ThrottlingException");
      assertThrottled(serviceError(org::listRoots), 400, "TooManyRequestsException");
      assertThrottled(serviceError(sts::getCallerIdentity), 400, "Throttling");
      assertThrottled(serviceError(s3::listBuckets), 503, "SlowDown");
      assertThrottled(serviceError(() -> control.getPublicAccessBlock(r -> r.accountId(Seeder.MANAGEMENT_ACCOUNT))), 503, "SlowDown");
      assertThat(proxy.injected()).containsEntry(FaultProxy.Kind.THROTTLE, 5L);
    }
  }

  static void assertThrottled(AwsServiceException e, int status, String code) {
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(e.isThrottlingException()).as(code + " is throttling to the SDK").isTrue();
  }

  @Test
  void serverErrorsKeepTheirStatus() {
    for (var kind : List.of(FaultProxy.Kind.INTERNAL_ERROR, FaultProxy.Kind.UNAVAILABLE)) {
      int status = kind == FaultProxy.Kind.INTERNAL_ERROR ? 500 : 503;
      try (FaultProxy proxy = proxy(kind);
          CloudTrailClient cloudTrail = configure(CloudTrailClient.builder(), proxy.endpoint()).build();
          StsClient sts = configure(StsClient.builder(), proxy.endpoint()).build();
          S3Client s3 = configure(S3Client.builder(), proxy.endpoint()).forcePathStyle(true).build()) {
        for (Runnable call : List.<Runnable>of(cloudTrail::describeTrails, sts::getCallerIdentity, s3::listBuckets)) {
          AwsServiceException e = serviceError(call);
          assertThat(e.statusCode()).isEqualTo(status);
          assertThat(e.isThrottlingException()).isFalse();
          assertThat(e.awsErrorDetails().errorCode()).isNotBlank();
        }
      }
    }
  }

  @Test
  void aResetIsAClientSideFailure() {
    try (FaultProxy proxy = proxy(FaultProxy.Kind.RESET);
        CloudTrailClient cloudTrail = configure(CloudTrailClient.builder(), proxy.endpoint()).build()) {
      SdkClientException e = catchThrowableOfType(SdkClientException.class, cloudTrail::describeTrails);
      assertThat(e).isNotNull();
      assertThat(proxy.injected()).containsEntry(FaultProxy.Kind.RESET, 1L);
    }
  }

  @Test
  void accessDeniedForOneAccountAndOneOperation() {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      seeder.organization();
    }
    try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint(), FaultProxy.Plan.denying(Set.of("111122223333"), Set.of("ListRoots")),
        "emulator", Seeder.MANAGEMENT_ACCOUNT);
        OrganizationsClient org = configure(OrganizationsClient.builder(), proxy.endpoint()).build();
        StsClient sts = configure(StsClient.builder(), proxy.endpoint()).build()) {
      assertThat(serviceError(org::listRoots).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
      assertThat(org.describeOrganization().organization().id()).startsWith("o-");
      AwsServiceException denied = serviceError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::111122223333:role/r").roleSessionName("s")));
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(sts.assumeRole(r -> r.roleArn("arn:aws:iam::444455556666:role/r").roleSessionName("s")).credentials()).isNotNull();
      assertThat(proxy.denied()).isEqualTo(2);
    }
  }

  @Test
  void theSameSeedInjectsTheSameFaults() {
    assertThat(outcomes(11)).isEqualTo(outcomes(11)).isNotEqualTo(outcomes(12));
  }

  /** Which of 40 attempts at five calls failed, and how. */
  static List<String> outcomes(long seed) {
    List<String> outcomes = new ArrayList<>();
    try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint(), FaultProxy.Plan.random(seed, 0.4), "emulator", Seeder.MANAGEMENT_ACCOUNT);
        CloudTrailClient cloudTrail = configure(CloudTrailClient.builder(), proxy.endpoint()).build();
        StsClient sts = configure(StsClient.builder(), proxy.endpoint()).build()) {
      List<Consumer<Void>> calls = List.of(v -> cloudTrail.describeTrails(), v -> sts.getCallerIdentity(),
          v -> cloudTrail.listTrails(r -> { }), v -> cloudTrail.describeTrails(r -> r.includeShadowTrails(false)), v -> sts.getSessionToken());
      for (int i = 0; i < 40; i++) {
        try {
          calls.get(i % calls.size()).accept(null);
          outcomes.add("ok");
        } catch (AwsServiceException e) {
          outcomes.add(e.statusCode() + " " + e.awsErrorDetails().errorCode());
        } catch (SdkClientException e) {
          outcomes.add("reset");
        }
      }
    }
    return outcomes;
  }
}

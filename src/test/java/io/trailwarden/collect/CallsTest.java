package io.trailwarden.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.snapshot.CollectionError;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Every failed call becomes an error with its place; "there is none" answers are not errors. */
class CallsTest {
  static final Calls.Target TARGET = new Calls.Target("s3", "222222222222", "eu-west-1");

  static AwsServiceException awsError(String code, String message) {
    return AwsServiceException.builder().statusCode(400).message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
  }

  @Test
  void aValueIsReturned() {
    Calls calls = new Calls();
    assertThat(calls.get(TARGET, "GetBucketPolicy", Optional.of("logs"), () -> "{}")).contains("{}");
    assertThat(calls.errors()).isEmpty();
  }

  @Test
  void throttledPastRetriesIsRecordedWithItsPlace() {
    Calls calls = new Calls();
    Optional<String> result = calls.get(TARGET, "GetBucketPolicy", Optional.of("logs"), () -> {
      throw awsError("SlowDown", "Please reduce your request rate.\nRequest id 1");
    });
    assertThat(result).isEmpty();
    assertThat(calls.errors()).containsExactly(new CollectionError("s3", "GetBucketPolicy", "222222222222", "eu-west-1",
        "SlowDown", "Please reduce your request rate. Request id 1", Optional.of("logs")));
    assertThat(calls.failedOn("GetBucketPolicy", "logs")).isTrue();
  }

  @Test
  void noneAnswersAreNotErrors() {
    Calls calls = new Calls();
    Optional<String> result = calls.getOrNone(TARGET, "GetBucketPolicy", Optional.of("logs"), Set.of("NoSuchBucketPolicy"), () -> {
      throw awsError("NoSuchBucketPolicy", "The bucket policy does not exist");
    });
    assertThat(result).isEmpty();
    assertThat(calls.errors()).isEmpty();
  }

  /** Issue 13: an answer without an error code (an unknown region's) threw a NullPointerException here. */
  @Test
  void anAnswerWithoutACodeIsAnError() {
    Calls calls = new Calls();
    Optional<String> result = calls.getOrNone(TARGET, "GetBucketPolicy", Optional.of("logs"), Set.of("NoSuchBucketPolicy"), () -> {
      throw AwsServiceException.builder().statusCode(404).message("not found")
          .awsErrorDetails(AwsErrorDetails.builder().errorMessage("not found").build()).build();
    });
    assertThat(result).isEmpty();
    assertThat(calls.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("Unknown"));
  }

  @Test
  void clientFailuresAreRecordedToo() {
    Calls calls = new Calls();
    calls.get(TARGET, "ListBuckets", Optional.empty(), () -> {
      throw SdkClientException.create("Unable to execute HTTP request", new java.net.ConnectException("Connection refused"));
    });
    assertThat(calls.errors()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("ClientError");
      assertThat(e.message()).contains("Connection refused");
    });
  }

  @Test
  void errorsComeOutSortedAndOnce() {
    Calls calls = new Calls();
    for (String account : new String[] {"333333333333", "111111111111", "333333333333"}) {
      calls.record(new Calls.Target("cloudtrail", account, "us-east-1"), "DescribeTrails", Optional.empty(), "AccessDenied", "no");
    }
    assertThat(calls.errors()).extracting(CollectionError::accountId).containsExactly("111111111111", "333333333333");
  }

  @Test
  void longMessagesAreCut() {
    Calls calls = new Calls();
    calls.record(TARGET, "GetBucketAcl", Optional.empty(), "X", "y".repeat(2000));
    assertThat(calls.errors().get(0).message()).hasSize(403).endsWith("...");
  }
}

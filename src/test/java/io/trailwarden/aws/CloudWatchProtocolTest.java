package io.trailwarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CloudWatch client must speak the Query protocol: from SDK 2.40.7 on it speaks Smithy RPC v2 CBOR,
 * which moto answers with 404, so the pom holds the cloudwatch module at 2.40.5 (aws.sdk.cloudwatch.version).
 * This fails when someone aligns it upwards.
 */
class CloudWatchProtocolTest {
  @Test
  void theCloudWatchClientSpeaksQuery() throws Exception {
    Class<?> client = Class.forName("software.amazon.awssdk.services.cloudwatch.DefaultCloudWatchClient");
    Class<?> protocol = client.getDeclaredField("protocolFactory").getType();
    assertThat(protocol.getName())
        .as("the CloudWatch module must stay on a version that speaks Query (see aws.sdk.cloudwatch.version in pom.xml)")
        .isEqualTo("software.amazon.awssdk.protocols.query.AwsQueryProtocolFactory");
  }

  @Test
  void onlyCloudWatchLeavesTheBom() throws Exception {
    String pom = Files.readString(TestFiles.projectDir().resolve("pom.xml"));
    var dependency = Pattern.compile("<dependency>\\s*(?:<!--[^>]*-->\\s*)?<groupId>software\\.amazon\\.awssdk</groupId>\\s*"
        + "<artifactId>([a-z0-9-]+)</artifactId>\\s*(<version>([^<]+)</version>)?", Pattern.DOTALL).matcher(pom);
    int modules = 0;
    while (dependency.find()) {
      if (dependency.group(1).equals("bom")) {
        continue;
      }
      modules++;
      if (dependency.group(1).equals("cloudwatch")) {
        assertThat(dependency.group(3)).isEqualTo("${aws.sdk.cloudwatch.version}");
      } else {
        assertThat(dependency.group(2)).as(dependency.group(1) + " takes its version from the SDK BOM").isNull();
      }
    }
    assertThat(modules).as("AWS SDK modules in pom.xml").isGreaterThan(10);
  }
}

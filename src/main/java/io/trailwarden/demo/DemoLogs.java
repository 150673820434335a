package io.trailwarden.demo;

import io.trailwarden.logs.digest.DigestKeys;
import io.trailwarden.logs.keys.SavedPublicKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The demo organization's delivered logs: {@value #HOURS} hours of log files and signed digests for
 * every account and region (the emulator delivers none), with one log file tampered with afterwards,
 * so that {@code logs verify} has a chain to prove and one to catch. The signing key is made at run
 * time; only its public half is written, as the ListPublicKeys answer the emulator cannot give.
 */
public final class DemoLogs {
  public static final int HOURS = 4;
  public static final int LOG_FILES_PER_HOUR = 2;
  /** The account and region whose log file someone edited. */
  public static final String TAMPERED_ACCOUNT = "payments-prod";
  public static final String TAMPERED_REGION = "eu-west-1";

  /** What was delivered: the window, the edited log file, and the saved public keys. */
  public record Delivered(Instant from, Instant to, int digests, int logFiles, String tamperedLogFile, Path publicKeys) {}

  /** The investigations the demo runs over these logs (logs query ID). */
  public static final List<String> INVESTIGATIONS = List.of("cross_account_assume_role", "audit_log_tampering");

  private DemoLogs() {}

  public static Delivered deliver(Seeder seeder, DemoOrganization.Seeded seeded, Path publicKeysFile, Instant now) throws IOException {
    Instant to = now.truncatedTo(ChronoUnit.HOURS);
    Instant from = to.minus(Duration.ofHours(HOURS));
    LogDelivery.Signer signer = LogDelivery.Signer.generate();
    LogDelivery delivery = new LogDelivery(seeder.s3(seeded.loggingAccountId()), DemoOrganization.LOG_BUCKET);
    Random random = new Random(DemoOrganization.LOG_BUCKET.hashCode());
    int digests = 0;
    int logFiles = 0;
    String tampered = "";
    for (var account : seeded.accounts().entrySet()) {
      for (String region : DemoOrganization.REGIONS) {
        DigestKeys keys = new DigestKeys(Optional.empty(), Optional.of(seeded.organizationId()), account.getValue(), region,
            DemoOrganization.TRAIL_NAME, Seeder.HOME_REGION);
        LogDelivery.Delivered delivered = delivery.deliver(keys, from, HOURS, LOG_FILES_PER_HOUR, signer, random);
        digests += delivered.digestKeys().size();
        logFiles += delivered.logKeys().size();
        if (account.getKey().equals(TAMPERED_ACCOUNT) && region.equals(TAMPERED_REGION)) {
          tampered = delivered.logKeys().get(3);
        }
      }
    }
    // Someone removes a record of what they did: the file is rewritten without its first event.
    String edited = tampered;
    seeder.s3(seeded.loggingAccountId()).putObject(r -> r.bucket(DemoOrganization.LOG_BUCKET).key(edited),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(LogDelivery.gzip("{\"Records\":[]}\n".getBytes(
            java.nio.charset.StandardCharsets.UTF_8))));
    investigated(delivery, seeded, to, random);
    Files.createDirectories(publicKeysFile.toAbsolutePath().getParent());
    Files.writeString(publicKeysFile, SavedPublicKeys.toJson(List.of(signer.listed(from.minus(Duration.ofDays(1)),
        to.plus(Duration.ofDays(1))))));
    return new Delivered(from, to, digests, logFiles, tampered, publicKeysFile);
  }

  /**
   * The events the demo's investigations find, among the everyday ones, in the hours before {@code to}:
   * a developer reaching into production and the security team's audit role; the developer, in
   * production, trying to stop the organization trail (denied by the protect-cloudtrail SCP) and a developer trying to
   * shorten the log bucket's lifecycle (denied by its policy); lending-dev's root user making an access key; and what
   * they must leave out: a role
   * assumed within its own account, and lending-dev stopping its own debug trail.
   */
  private static void investigated(LogDelivery delivery, DemoOrganization.Seeded seeded, Instant to, Random random) {
    Map<String, String> id = seeded.accounts();
    String prod = id.get("payments-prod");
    String dev = id.get("lending-dev");
    String orgTrail = "arn:aws:cloudtrail:" + Seeder.HOME_REGION + ":" + Seeder.MANAGEMENT_ACCOUNT + ":trail/"
        + DemoOrganization.TRAIL_NAME;
    List<TrailEvent> events = List.of(
        TrailEvent.call(TrailEvent.role(id.get("security-tooling"), "Auditor", "weekly-review"), prod, "us-east-1",
            to.minus(Duration.ofMinutes(170)), "sts.amazonaws.com", "AssumeRole")
            .param("roleArn", "arn:aws:iam::" + prod + ":role/SecurityAudit").param("roleSessionName", "weekly-review"),
        TrailEvent.call(TrailEvent.role(dev, "Developer", "dana"), prod, "eu-west-1", to.minus(Duration.ofMinutes(95)),
            "sts.amazonaws.com", "AssumeRole").from("198.51.100.23")
            .param("roleArn", "arn:aws:iam::" + prod + ":role/OrganizationAccountAccessRole").param("roleSessionName", "dana"),
        TrailEvent.call(TrailEvent.role(prod, "Deploy", "pipeline"), prod, "eu-west-1", to.minus(Duration.ofMinutes(90)),
            "sts.amazonaws.com", "AssumeRole").param("roleArn", "arn:aws:iam::" + prod + ":role/ReadOnly"),
        TrailEvent.call(TrailEvent.role(prod, "OrganizationAccountAccessRole", "dana"), prod, "eu-west-1",
            to.minus(Duration.ofMinutes(80)), "cloudtrail.amazonaws.com", "StopLogging").from("198.51.100.23").param("name", orgTrail)
            .error("AccessDenied", "User is not authorized to perform: cloudtrail:StopLogging with an explicit deny in a "
                + "service control policy"),
        TrailEvent.call(TrailEvent.role(dev, "Developer", "dana"), dev, "eu-west-1", to.minus(Duration.ofMinutes(75)),
            "cloudtrail.amazonaws.com", "StopLogging").from("198.51.100.23").param("name", "lending-debug"),
        TrailEvent.call(TrailEvent.role(dev, "Developer", "dana"), seeded.loggingAccountId(), "us-east-1",
            to.minus(Duration.ofMinutes(70)), "s3.amazonaws.com", "PutBucketLifecycle").from("198.51.100.23")
            .param("bucketName", DemoOrganization.LOG_BUCKET).error("AccessDenied", "Access Denied"),
        // Someone uses lending-dev's root user for a chore a role should do (iam_root_user_not_used).
        TrailEvent.call(TrailEvent.root(dev), dev, "us-east-1", to.minus(Duration.ofMinutes(65)), "iam.amazonaws.com",
            "CreateAccessKey").from("203.0.113.45"));
    for (TrailEvent event : events) {
      var node = event.node();
      DigestKeys keys = new DigestKeys(Optional.empty(), Optional.of(seeded.organizationId()),
          node.get("recipientAccountId").asText(), node.get("awsRegion").asText(), DemoOrganization.TRAIL_NAME, Seeder.HOME_REGION);
      delivery.putRecords(keys, Instant.parse(node.get("eventTime").asText()).plus(Duration.ofMinutes(5)), List.of(node), random);
    }
  }
}

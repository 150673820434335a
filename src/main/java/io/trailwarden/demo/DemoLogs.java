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
    Files.createDirectories(publicKeysFile.toAbsolutePath().getParent());
    Files.writeString(publicKeysFile, SavedPublicKeys.toJson(List.of(signer.listed(from.minus(Duration.ofDays(1)),
        to.plus(Duration.ofDays(1))))));
    return new Delivered(from, to, digests, logFiles, tampered, publicKeysFile);
  }
}

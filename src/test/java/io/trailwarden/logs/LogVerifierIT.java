package io.trailwarden.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.demo.LogDelivery;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.InjectedFailures;
import io.trailwarden.emulator.LogFixture;
import io.trailwarden.emulator.Moto;
import io.trailwarden.logs.store.S3LogStore;
import io.trailwarden.snapshot.LogIntegrity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The verifier against digest chains in the emulator's S3, written by {@link LogFixture}: an untouched
 * chain verifies, and each kind of tampering is found with the key it is at.
 */
class LogVerifierIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  static final String ORG = "o-fixture0001";
  static final String MEMBER = "210987654321";
  static final String MANAGEMENT = Seeder.MANAGEMENT_ACCOUNT;
  static final int HOURS = 4;
  static final int FILES = 3;

  Seeder seeder;
  LogFixture fixture;

  @BeforeEach
  void deliver() {
    seeder = new Seeder(MOTO.endpoint());
    fixture = LogFixture.withNewBucket(seeder.s3(MANAGEMENT), "fixture-org-trail-logs", ORG);
  }

  @AfterEach
  void close() {
    System.clearProperty(InjectedFailures.DENY);
    seeder.close();
  }

  List<LogIntegrity.Chain> verify(List<String> accounts, List<String> regions) {
    var target = new LogVerifier.Target(fixture.bucket(), Optional.empty(), Optional.of(ORG), MANAGEMENT, LogFixture.TRAIL,
        LogFixture.HOME_REGION, accounts, regions);
    return new LogVerifier(new S3LogStore(seeder.s3(MANAGEMENT), MANAGEMENT), fixture.publicKeys(), 4)
        .verify(target, fixture.start(HOURS), fixture.end, Instant.now());
  }

  LogIntegrity.Chain verifyOne() {
    List<LogIntegrity.Chain> chains = verify(List.of(MEMBER), List.of("eu-west-1"));
    assertThat(chains).hasSize(1);
    return chains.get(0);
  }

  static List<String> kinds(LogIntegrity.Chain chain) {
    return chain.problems().stream().map(p -> p.kind() + " " + p.key()).sorted().toList();
  }

  @Test
  void anUntouchedChainVerifiesEveryDigestAndLogFileAndTheFirstDigestChainsToNothing() {
    LogDelivery.Delivered delivered = fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);

    LogIntegrity.Chain chain = verifyOne();

    assertThat(chain.problems()).isEmpty();
    assertThat(chain.error()).isEmpty();
    assertThat(chain.digests()).isEqualTo(HOURS);
    assertThat(chain.logFiles()).isEqualTo(HOURS * FILES).isEqualTo(delivered.logKeys().size());
    assertThat(chain.hoursCovered()).isEqualTo(HOURS);
    assertThat(chain.coveredFrom()).contains(fixture.start(HOURS));
    assertThat(chain.coveredTo()).contains(fixture.end);
    assertThat(chain.digestFolder()).isEqualTo("AWSLogs/" + ORG + "/" + MEMBER + "/CloudTrail-Digest/eu-west-1/");
  }

  @Test
  void everyAccountAndRegionIsAChainAndTheManagementAccountsOwnPrefixCounts() {
    fixture.chain(MEMBER, "eu-west-1", HOURS, 1);
    fixture.chain(MEMBER, "us-east-1", HOURS, 1);
    fixture.chain(MANAGEMENT, "eu-west-1", HOURS, 1);
    // The management account's us-east-1 digests under its own AWSLogs/<account>/ prefix (a trail older than the organization).
    LogFixture ownPrefix = new LogFixture(seeder.s3(MANAGEMENT), fixture.bucket(), Optional.empty(), Optional.empty(),
        LogFixture.TRAIL);
    ownPrefix.chain(MANAGEMENT, "us-east-1", HOURS, 1, fixture.signer);

    List<LogIntegrity.Chain> chains = verify(List.of(MANAGEMENT, MEMBER), List.of("eu-west-1", "us-east-1"));

    assertThat(chains).extracting(c -> c.accountId() + "/" + c.region()).containsExactly(MANAGEMENT + "/eu-west-1",
        MANAGEMENT + "/us-east-1", MEMBER + "/eu-west-1", MEMBER + "/us-east-1");
    assertThat(chains).allSatisfy(c -> {
      assertThat(c.problems()).isEmpty();
      assertThat(c.digests()).isEqualTo(HOURS);
    });
  }

  @Test
  void anEditedLogFileIsModified() {
    LogDelivery.Delivered delivered = fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);
    String log = delivered.logKeys().get(4);
    fixture.edit(log, text -> text.replace("\"readOnly\" : true", "\"readOnly\" : false").replaceFirst("198\\.51\\.100\\.", "203.0.113."));

    LogIntegrity.Chain chain = verifyOne();

    assertThat(kinds(chain)).containsExactly("log-modified " + log);
    assertThat(chain.logFiles()).isEqualTo(HOURS * FILES - 1);
    assertThat(chain.digests()).isEqualTo(HOURS);
  }

  @Test
  void aDeletedLogFileIsMissing() {
    LogDelivery.Delivered delivered = fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);
    String log = delivered.logKeys().get(0);
    fixture.delete(log);

    assertThat(kinds(verifyOne())).containsExactly("log-missing " + log);
  }

  @Test
  void dataAfterTheGzipStreamIsTrailingData() {
    LogDelivery.Delivered delivered = fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);
    String log = delivered.logKeys().get(HOURS * FILES - 1);
    fixture.appendTrailingData(log);

    assertThat(kinds(verifyOne())).containsExactly("log-trailing-data " + log);
  }

  @Test
  void anEditedDigestWithItsMetadataKeptFailsItsSignature() {
    LogDelivery.Delivered delivered = fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);
    String digest = delivered.digestKeys().get(1);
    // Drop a log file from the digest, as someone hiding one would.
    fixture.edit(digest, LogVerifierIT::dropFirstLogFile);

    LogIntegrity.Chain chain = verifyOne();

    // The next digest committed to the digest's hash too: a check the AWS CLI leaves out.
    assertThat(kinds(chain)).containsExactly("chain-mismatch " + delivered.digestKeys().get(2), "invalid " + digest);
    assertThat(chain.problems()).extracting(LogIntegrity.Problem::message).containsExactly("signature verification failed",
        "previousDigestHashValue is not the SHA-256 of " + digest);
    assertThat(chain.digests()).isEqualTo(HOURS - 1);
  }

  @Test
  void aDigestMovedToAnotherKeyIsMovedAndMissingWhereItWas() {
    LogDelivery.Delivered delivered = fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);
    String digest = delivered.digestKeys().get(2);
    String elsewhere = digest.replace("0000Z.json.gz", "0001Z.json.gz");
    fixture.move(digest, elsewhere);

    assertThat(kinds(verifyOne())).containsExactly("missing " + digest, "moved " + elsewhere);
  }

  @Test
  void aDigestSignedByAnUnknownKeyIsUnknownKey() {
    LogDelivery.Delivered delivered = fixture.chain(MEMBER, "eu-west-1", HOURS, FILES, LogDelivery.Signer.generate());

    LogIntegrity.Chain chain = verifyOne();

    assertThat(chain.problems()).extracting(LogIntegrity.Problem::kind).containsOnly("unknown-key");
    assertThat(chain.problems()).extracting(LogIntegrity.Problem::key).containsExactlyElementsOf(delivered.digestKeys());
    assertThat(chain.digests()).isZero();
  }

  @Test
  void aDeletedMiddleDigestIsMissingAndItsLogFilesUnverified() {
    LogDelivery.Delivered delivered = fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);
    String middle = delivered.digestKeys().get(1);
    fixture.delete(middle);

    LogIntegrity.Chain chain = verifyOne();

    assertThat(kinds(chain)).containsExactly("missing " + middle);
    assertThat(chain.problems().get(0).message()).contains(delivered.digestKeys().get(2));
    assertThat(chain.digests()).isEqualTo(HOURS - 1);
    assertThat(chain.hoursCovered()).isEqualTo(HOURS - 1);
  }

  @Test
  void aChainThatStartsAgainMidWindowIsAGap() {
    fixture.chainFrom(MEMBER, "eu-west-1", fixture.start(HOURS), 1, 1);
    LogDelivery.Delivered later = fixture.chainFrom(MEMBER, "eu-west-1", fixture.start(HOURS - 2), 2, 1);

    LogIntegrity.Chain chain = verifyOne();

    assertThat(kinds(chain)).containsExactly("gap " + later.digestKeys().get(0));
    assertThat(chain.hoursCovered()).isEqualTo(3);
  }

  @Test
  void aValidlySignedDigestThatDoesNotChainToItsPredecessorIsAChainMismatch() {
    LogDelivery.Delivered delivered = fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);
    String spliced = delivered.digestKeys().get(2);
    fixture.editAndResign(spliced, text -> text.replaceFirst("\"previousDigestSignature\" : \"[0-9a-f]{8}",
        "\"previousDigestSignature\" : \"00000000"));

    LogIntegrity.Chain chain = verifyOne();

    String successor = delivered.digestKeys().get(3);
    assertThat(kinds(chain)).containsExactly("chain-mismatch " + spliced, "chain-mismatch " + successor);
    assertThat(chain.problems()).extracting(LogIntegrity.Problem::message).containsExactlyInAnyOrder(
        "previousDigestSignature is not the signature of " + delivered.digestKeys().get(1),
        "previousDigestSignature is not the signature of " + spliced);
  }

  @Test
  void aBackfillDigestIsVerifiedAndCountedApart() {
    fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);
    fixture.backfill(MEMBER, "eu-west-1", fixture.start(HOURS).plus(Duration.ofHours(1)));

    LogIntegrity.Chain chain = verifyOne();

    assertThat(chain.problems()).isEmpty();
    assertThat(chain.backfillDigests()).isEqualTo(1);
    assertThat(chain.digests()).isEqualTo(HOURS);
    assertThat(chain.logFiles()).isEqualTo(HOURS * FILES + 1);
  }

  @Test
  void anAccountWithNoDigestsInTheWindowHasNoDigests() {
    fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);

    List<LogIntegrity.Chain> chains = verify(List.of(MEMBER, "333333333333"), List.of("eu-west-1"));

    assertThat(chains).extracting(LogIntegrity.Chain::accountId).containsExactly(MEMBER, "333333333333");
    assertThat(chains.get(0).problems()).isEmpty();
    assertThat(kinds(chains.get(1))).containsExactly("no-digests AWSLogs/" + ORG + "/333333333333/CloudTrail-Digest/eu-west-1/");
  }

  @Test
  void digestsThatStopBeforeTheWindowEndsAreMissingAtTheEnd() {
    LogDelivery.Delivered delivered = fixture.chainFrom(MEMBER, "eu-west-1", fixture.start(HOURS), HOURS - 2, 1);

    LogIntegrity.Chain chain = verifyOne();

    assertThat(kinds(chain)).containsExactly("missing " + delivered.digestKeys().get(HOURS - 3));
  }

  @Test
  void accessDeniedOnTheBucketLeavesTheChainUnjudgedWithTheError() {
    fixture.chain(MEMBER, "eu-west-1", HOURS, FILES);
    System.setProperty(InjectedFailures.DENY, "ListObjectsV2");

    LogIntegrity.Chain chain = verifyOne();

    assertThat(chain.error()).map(LogIntegrity.Failure::code).contains("AccessDenied");
    assertThat(chain.error().orElseThrow().message()).contains("fixture-org-trail-logs");
    assertThat(chain.problems()).isEmpty();
    assertThat(chain.digests()).isZero();
  }

  static String dropFirstLogFile(String digest) {
    try {
      var tree = (com.fasterxml.jackson.databind.node.ObjectNode) io.trailwarden.Json.mapper().readTree(digest);
      ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("logFiles")).remove(0);
      return io.trailwarden.Json.pretty(tree);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

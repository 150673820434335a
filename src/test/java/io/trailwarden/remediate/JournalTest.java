package io.trailwarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, defects 6 and 7: a torn last line is an interrupted write, not corruption; a bad line is an input error. */
class JournalTest {
  static Journal.Entry entry(Journal.Event event, String changeId) {
    return new Journal.Entry(Instant.parse("2026-11-23T10:00:00Z"), event, "plan1", changeId, "arn:aws:iam::111111111111:root",
        "bucket-policy", Target.bucket("111111111111", "us-east-1", "logs"), Documents.none(),
        Json.mapper().createObjectNode().put("Version", "2012-10-17"), Optional.of("s3:PutBucketPolicy"));
  }

  static Path journalOf(Path temp, Journal.Entry... entries) {
    Journal journal = new Journal(temp.resolve("journal.jsonl"));
    for (Journal.Entry e : entries) {
      journal.append(e);
    }
    return journal.file();
  }

  @Test
  void aTornFinalLineIsReportedCutOffAndTheRestKept(@TempDir Path temp) throws Exception {
    Path file = journalOf(temp, entry(Journal.Event.INTENT, "c1"), entry(Journal.Event.APPLIED, "c1"));
    String whole = Json.mapper().valueToTree(entry(Journal.Event.INTENT, "c2")).toString();
    Files.writeString(file, whole.substring(0, whole.length() / 2), java.nio.file.StandardOpenOption.APPEND);

    assertThat(Journal.read(file)).extracting(Journal.Entry::event).containsExactly(Journal.Event.INTENT, Journal.Event.APPLIED);
    Journal journal = new Journal(file);
    Optional<String> torn = journal.recover();
    assertThat(torn).hasValueSatisfying(t -> assertThat(t).contains(file + ":3").contains("interrupted"));
    // Truncated: what is appended next starts on a line of its own, and every line reads back.
    journal.append(entry(Journal.Event.ALREADY_APPLIED, "c2"));
    assertThat(Journal.read(file)).extracting(Journal.Entry::event)
        .containsExactly(Journal.Event.INTENT, Journal.Event.APPLIED, Journal.Event.ALREADY_APPLIED);
    assertThat(Files.readString(file)).endsWith("\n").doesNotContain(whole.substring(0, whole.length() / 2) + "{");
    assertThat(journal.recover()).isEmpty();
  }

  @Test
  void aCompleteFinalEntryWithoutItsNewlineIsKept(@TempDir Path temp) throws Exception {
    Path file = journalOf(temp, entry(Journal.Event.INTENT, "c1"));
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() - 1));
    Journal journal = new Journal(file);
    assertThat(journal.recover()).isEmpty();
    journal.append(entry(Journal.Event.APPLIED, "c1"));
    assertThat(Journal.read(file)).extracting(Journal.Entry::event).containsExactly(Journal.Event.INTENT, Journal.Event.APPLIED);
  }

  @Test
  void aNullLineIsAnInputErrorNamingFileAndLine(@TempDir Path temp) throws Exception {
    Path file = journalOf(temp, entry(Journal.Event.INTENT, "c1"));
    Files.writeString(file, "null\n", java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(file, Json.mapper().valueToTree(entry(Journal.Event.APPLIED, "c1")).toString() + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> Journal.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ":2:").hasMessageContaining("not a journal entry");
  }

  @Test
  void aDamagedLineBeforeTheLastIsCorruptionNotATornWrite(@TempDir Path temp) throws Exception {
    Path file = journalOf(temp, entry(Journal.Event.INTENT, "c1"));
    Files.writeString(file, "{\"time\": \"2026\n", java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(file, Json.mapper().valueToTree(entry(Journal.Event.APPLIED, "c1")).toString() + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> new Journal(file).recover()).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ":2:");
  }

  @Test
  void entriesLackingWhatRollbackNeedsAreInputErrorsInTheUsersTerms(@TempDir Path temp) throws Exception {
    for (String line : List.of("{}", "[1]", "42", "{\"event\": null}",
        Json.mapper().valueToTree(entry(Journal.Event.INTENT, "c1")).toString().replace("\"bucket-policy\"", "\"teleport\""),
        Json.mapper().valueToTree(entry(Journal.Event.INTENT, "c1")).toString().replace("\"INTENT\"", "\"EXPLODED\""),
        Json.mapper().valueToTree(entry(Journal.Event.INTENT, "c1")).toString().replace("\"target\":{", "\"target\":null,\"x\":{"))) {
      Path file = temp.resolve("j.jsonl");
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
      assertThatThrownBy(() -> Journal.read(file)).as(line).isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(file + ":1:")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("io.trailwarden").doesNotContain("Cannot construct")
              .doesNotContain("java."));
    }
  }
}

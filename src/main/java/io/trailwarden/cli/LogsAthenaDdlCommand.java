package io.trailwarden.cli;

import io.trailwarden.AtomicFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.aws.Connector;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.investigate.AthenaTable;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code logs athena-ddl}: the Athena table over the organization trail's log files, for {@code logs query --engine athena}. */
@Command(name = "athena-ddl", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Write the CREATE EXTERNAL TABLE statement of the Amazon Athena table over the organization trail's log files "
        + "(config.yaml athena: database, table): the columns of the embedded engine's events table, partitions account, region "
        + "and day projected from the key layout (the snapshot's accounts and regions, the days since --first-day), and "
        + "CloudTrail's SerDe. Run it once in Athena, and again when accounts or regions change.")
final class LogsAthenaDdlCommand implements Callable<Integer> {
  /** Organization trails exist since November 2018; a projected day without files costs a query nothing. */
  static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2018, 11, 1);

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin AwsOptions aws;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "Take the trail, accounts and regions from this snapshot "
      + "instead of collecting one.")
  Path snapshotFile;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the statement to FILE (default: standard output).")
  Path output;

  @Option(names = "--first-day", paramLabel = "DATE", description = "The first day the table projects (yyyy-MM-dd; default: "
      + "2018-11-01).")
  String firstDay;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate first = firstDay();
    ConfigLoader.Loaded loaded = config.load();
    var organization = loaded.config().organization();
    Snapshot snapshot;
    if (snapshotFile != null) {
      snapshot = new SnapshotIo().read(snapshotFile);
    } else {
      Connector connector = aws.connector(organization, System.getenv());
      Path file = Files.createTempFile("trailwarden-ddl-", ".json");
      try {
        snapshot = Pipeline.collect(connector, organization, file, err);
      } finally {
        Files.deleteIfExists(file);
      }
    }
    Instant now = Instant.now();
    LogVerifier.Target target;
    try {
      target = LogVerification.target(snapshot, new LogVerification.Request(now.minusSeconds(1), now, List.of(), List.of(),
          organization.concurrency()));
    } catch (RuntimeException e) {
      if (e instanceof InvalidInputException) {
        throw e;
      }
      throw new InvalidInputException("cannot tell where the logs are: " + e.getMessage());
    }
    var athena = loaded.config().athena();
    String ddl = AthenaTable.ddl(new AthenaTable.Name(athena.database(), athena.table()), target, first);
    if (output == null) {
      out.print(ddl);
      out.flush();
    } else {
      AtomicFiles.write(output, ddl);
      err.println("Wrote the Athena table " + athena.database() + "." + athena.table() + " (" + target.accounts().size()
          + " accounts, " + target.regions().size() + " regions) to " + output);
    }
    return ExitCode.OK.code();
  }

  private LocalDate firstDay() {
    if (firstDay == null) {
      return DEFAULT_FIRST_DAY;
    }
    try {
      return LocalDate.parse(firstDay.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("--first-day " + firstDay + ": expected a date such as 2024-01-01");
    }
  }
}

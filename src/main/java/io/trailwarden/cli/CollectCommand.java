package io.trailwarden.cli;

import io.trailwarden.config.ConfigLoader;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collect}: read the organization from AWS (read-only) and write a snapshot. */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Collect a snapshot of the AWS Organization (read-only AWS calls) and write it as JSON.")
final class CollectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the snapshot.")
  Path output;

  @Option(names = "--allow-partial", description = "Exit 0 even when some calls failed (they are in the snapshot's errors).")
  boolean allowPartial;

  @Mixin ConfigOption config;
  @Mixin AwsOptions aws;

  @Override
  public Integer call() throws Exception {
    ConfigLoader.Loaded loaded = config.load();
    var organization = loaded.config().organization();
    Snapshot snapshot = Pipeline.collect(aws.connector(organization, System.getenv()), organization, output,
        spec.commandLine().getErr());
    return snapshot.errors().isEmpty() || allowPartial ? ExitCode.OK.code() : ExitCode.INCOMPLETE.code();
  }
}

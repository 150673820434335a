package io.trailwarden.cli;

import io.trailwarden.InvalidInputException;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.export.SecurityHubExport;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.report.AsffFindings;
import io.trailwarden.report.FindingVocabulary;
import io.trailwarden.report.JsonReportReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** {@code export securityhub REPORT.json}: a previous report's findings, sent where security teams look. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Send a report's findings to a security tool.",
    subcommands = {ExportCommand.SecurityHub.class})
final class ExportCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: securityhub (see --help).");
  }

  @Command(name = "securityhub", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = {"Import a trailwarden.json report into AWS Security Hub (ASFF, BatchImportFindings, 100 per call).",
          "Findings keep a stable Id, so a re-run updates them; findings of earlier exports that the report no longer"
              + " has, and PASS findings, are ARCHIVED. Exits 6 when Security Hub rejects any finding."})
  static final class SecurityHub implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ConfigOption config;
    @Mixin AwsOptions aws;

    @Parameters(paramLabel = "REPORT", description = "A trailwarden.json written by scan or evaluate.")
    Path report;

    @Option(names = "--region", paramLabel = "REGION",
        description = "Security Hub Region (default: config organization.homeRegion, us-east-1).")
    String region;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Evaluation evaluation = JsonReportReader.read(report);
      OrganizationSettings organization = config.load().config().organization();
      String hubRegion = region != null ? region : organization.homeRegion();
      try (ClientFactory clients = aws.connector(organization, System.getenv()).connect(List.of())) {
        return export(clients, evaluation, hubRegion, err);
      } catch (AwsServiceException e) {
        // Not subscribed to Security Hub in that Region, access denied, credentials that do not work.
        throw new InvalidInputException("Security Hub in " + hubRegion + ": " + e.awsErrorDetails().errorCode() + ": "
            + e.awsErrorDetails().errorMessage(), e);
      } catch (SdkClientException e) {
        throw new InvalidInputException("Security Hub in " + hubRegion + ": " + e.getMessage(), e);
      }
    }

    private static int export(ClientFactory clients, Evaluation evaluation, String hubRegion, PrintWriter err) {
      // The findings belong to the account whose credentials import them: its "default" product.
      var caller = clients.callerIdentity();
      String account = caller.account();
      clients.managementAccount(account);
      String productArn = AsffFindings.productArn(FindingVocabulary.partition(caller.arn()), hubRegion, account);
      SecurityHubExport.Result result = new SecurityHubExport(clients.securityHub(account, hubRegion))
          .export(evaluation, productArn);
      err.printf("Security Hub %s (%s): %d findings imported, %d archived, %d BatchImportFindings calls, %d failed.%n",
          hubRegion, account, result.imported(), result.archived(), result.calls(), result.failures().size());
      result.failures().forEach(f -> err.println("error: Security Hub rejected " + f));
      return result.failures().isEmpty() ? ExitCode.OK.code() : ExitCode.EXPORT_FAILED.code();
    }
  }
}

package io.trailwarden.remediate;

import io.trailwarden.InvalidInputException;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.collect.ResourceReader;
import io.trailwarden.config.Config;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.config.RuleSelection;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.Catalogue;
import io.trailwarden.scan.Evaluator;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The remediation loop on top of the pipeline: plan from an evaluation, apply a plan (after checking it
 * is this organization's, recent and still allowed), roll back a journal, and rescan to verify.
 */
public final class Remediator {
  private final Pipeline pipeline;
  private final Config config;
  private final Clock clock;
  private final Function<String, Optional<Remediation>> remediations;

  /** The applied outcomes and, after the rescan, the status of every finding the plan meant to fix. */
  public record Applied(List<Applier.Outcome> outcomes, List<Finding> findingsAfter, Evaluation evaluation) {
    public boolean allApplied() {
      return outcomes.stream().allMatch(o -> o.event() == Journal.Event.APPLIED || o.event() == Journal.Event.ALREADY_APPLIED);
    }
  }

  /** @param remediations finds a fix by the id a rule's METADATA names (the registry of every fix) */
  public Remediator(Pipeline pipeline, Clock clock, Function<String, Optional<Remediation>> remediations) {
    this.pipeline = pipeline;
    this.config = pipeline.config().config();
    this.clock = clock;
    this.remediations = remediations;
  }

  public Plan plan(Snapshot snapshot, Evaluation evaluation) {
    Catalogue catalogue = pipeline.catalogue();
    Function<String, com.fasterxml.jackson.databind.JsonNode> params = id -> Evaluator.params(catalogue.find(id).orElseThrow(), config);
    RemediationContext context = new RemediationContext(config.remediation(), config.organization(), params);
    return new Planner(config, context, remediations).plan(snapshot, evaluation, clock.instant());
  }

  /**
   * Applies {@code plan} with the remediation credentials, then re-collects and re-evaluates.
   *
   * @param planFile where the plan came from, for messages
   * @param rescan where the snapshot after the changes is written
   */
  public Applied apply(Plan plan, Path planFile, Connector aws, OrganizationSettings organization, Journal journal, Path rescan)
      throws IOException {
    Duration age = Duration.between(plan.createdAt(), clock.instant());
    if (age.toHours() >= config.remediation().maxPlanAgeHours()) {
      throw new InvalidInputException(planFile + ": the plan was made at " + plan.createdAt() + ", more than "
          + config.remediation().maxPlanAgeHours() + " hours ago (remediation.maxPlanAgeHours). Make a new plan.");
    }
    organization.managementAccountId().filter(configured -> !configured.equals(plan.managementAccountId()))
        .ifPresent(configured -> {
          throw new InvalidInputException(planFile + ": the plan is for management account " + plan.managementAccountId()
              + ", but config.yaml names management account " + configured + "; nothing was called or changed.");
        });
    List<Applier.Outcome> outcomes;
    try (ClientFactory clients = aws.connect(List.of())) {
      GetCallerIdentityResponse caller = identify(clients);
      if (!caller.account().equals(plan.managementAccountId())) {
        throw new InvalidInputException(planFile + ": the plan is for management account " + plan.managementAccountId()
            + ", but the credentials in use are for account " + caller.account() + ".");
      }
      clients.managementAccount(caller.account());
      ResourceReader reader = new ResourceReader(clients, caller.account(), organization.homeRegion(), clock);
      // One call tells the organization; reading all of it first would cost a call per OU and account.
      Optional<String> organizationId = organizationId(clients, caller.account());
      if (!organizationId.equals(plan.organizationId())) {
        throw new InvalidInputException(planFile + ": the plan is for organization " + plan.organizationId().orElse("(none)")
            + ", but these credentials see organization " + organizationId.orElse("(none)") + ".");
      }
      outcomes = new Applier(clients, new LiveState(reader), journal, caller.arn(), clock).apply(plan, this::refusal);
    }
    Snapshot after = pipeline.collect(aws, organization, rescan);
    Evaluation evaluation = pipeline.evaluate(after);
    Set<String> planned = plan.changes().stream().flatMap(c -> c.findings().stream()).collect(Collectors.toSet());
    // Evaluation findings are sorted by rule and resource, and so is this.
    List<Finding> fixed = evaluation.findings().stream().filter(f -> planned.contains(f.fingerprint())).toList();
    return new Applied(outcomes, fixed, evaluation);
  }

  private static Optional<String> organizationId(ClientFactory clients, String account) {
    try {
      return Optional.of(clients.organizations(account).describeOrganization().organization().id());
    } catch (software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new Unreached("DescribeOrganization", e);
    }
  }

  private static GetCallerIdentityResponse identify(ClientFactory clients) {
    try {
      return clients.callerIdentity();
    } catch (SdkException e) {
      throw new Unreached("GetCallerIdentity", e);
    }
  }

  /**
   * AWS did not answer, or refused, one of the calls made before any change (who the caller is, which
   * organization): nothing was changed, and the CLI says so with exit 5, not as a crash.
   */
  public static final class Unreached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreached(String operation, SdkException cause) {
      super(operation + " failed before any change, so nothing was changed: " + describe(cause), cause);
    }

    private static String describe(SdkException e) {
      if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws && aws.awsErrorDetails() != null) {
        return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
      }
      return String.valueOf(e.getMessage()).replaceAll("\\s*\\(SDK Attempt Count: \\d+\\)", "");
    }
  }

  /** Restores the journal's applied changes, newest first, with the remediation credentials. Needs no rules. */
  public static List<Applier.Outcome> rollback(Path journalFile, Connector aws, OrganizationSettings organization, Clock clock) {
    List<Journal.Entry> entries = Journal.read(journalFile);
    try (ClientFactory clients = aws.connect(List.of())) {
      GetCallerIdentityResponse caller = identify(clients);
      clients.managementAccount(caller.account());
      ResourceReader reader = new ResourceReader(clients, caller.account(), organization.homeRegion(), clock);
      return new Applier(clients, new LiveState(reader), new Journal(journalFile), caller.arn(), clock).rollback(entries);
    }
  }

  /** Why config.yaml, as it is now, does not allow a planned change; empty when it does. */
  private Optional<String> refusal(Plan.Change change) {
    Catalogue catalogue = pipeline.catalogue();
    for (String rule : change.rules()) {
      boolean allowed = catalogue.find(rule).map(r -> RuleSelection.remediationAllowed(config, r)).orElse(false);
      if (!allowed) {
        return Optional.of("config.yaml remediation.allow no longer allows " + rule);
      }
    }
    if (change.facet().equals("scp") && !config.remediation().allowRootScp()) {
      return Optional.of("attaching an SCP at the root needs remediation.allowRootScp: true");
    }
    return Optional.empty();
  }

  /** True when every finding the plan meant to fix passes now. */
  public static boolean allPass(Applied applied) {
    return applied.findingsAfter().stream().allMatch(f -> f.status() == Status.PASS);
  }
}

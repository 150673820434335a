package io.trailwarden.cli;

import io.trailwarden.InvalidInputException;
import io.trailwarden.policy.Catalogue;
import io.trailwarden.policy.Frameworks;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.policy.RulesDocs;
import io.trailwarden.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rules list|show|docs}: the catalogue, documented from the rules' own metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List the rules, show one, or write them all as Markdown.",
    subcommands = {RulesCommand.ListRules.class, RulesCommand.ShowRule.class, RulesCommand.DocsCommand.class})
final class RulesCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin RulesOption rulesOption;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: list, show or docs (see --help).");
  }

  /** The rules' metadata and the framework names of the same rules directory. */
  record Loaded(Catalogue catalogue, Frameworks frameworks) {}

  Loaded load(PrintWriter err) {
    try (RulesDirectory rules = rulesOption.resolve()) {
      return new Loaded(rulesOption.engine(rules, err).catalogue(), Frameworks.read(rules.path()));
    }
  }

  Catalogue catalogue(PrintWriter err) {
    return load(err).catalogue();
  }

  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "List every rule: id, severity, frameworks and title.")
  static final class ListRules implements Callable<Integer> {
    @ParentCommand RulesCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--framework", paramLabel = "ID", description = "Only rules mapped to this framework, e.g. cis-aws-foundations-3.0.")
    String framework;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Loaded loaded = parent.load(spec.commandLine().getErr());
      if (framework != null && loaded.frameworks().find(framework).isEmpty()
          && loaded.catalogue().rules().stream().noneMatch(r -> r.frameworks().containsKey(framework))) {
        // A misspelt id would otherwise list nothing and look like a framework no rule covers.
        throw new InvalidInputException("no framework '" + framework + "' in frameworks.yaml or the rules; known: "
            + String.join(", ", loaded.frameworks().frameworks().stream().map(Frameworks.Framework::id).toList()));
      }
      List<RuleMetadata> rules = loaded.catalogue().rules().stream()
          .filter(r -> framework == null || r.frameworks().containsKey(framework)).toList();
      int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(2);
      out.printf("%-" + width + "s  %-8s  %s%n", "ID", "SEVERITY", "TITLE");
      for (RuleMetadata rule : rules) {
        out.printf("%-" + width + "s  %-8s  %s%n", rule.id(), rule.severity().id(), rule.title());
      }
      out.printf("%d rule%s%n", rules.size(), rules.size() == 1 ? "" : "s");
      return ExitCode.OK.code();
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Show one rule: title, description, severity, remediation, frameworks, references, parameters.")
  static final class ShowRule implements Callable<Integer> {
    @ParentCommand RulesCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Rule id, e.g. cloudtrail_org_trail_log_file_validation_enabled.")
    String id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Loaded loaded = parent.load(spec.commandLine().getErr());
      RuleMetadata rule = loaded.catalogue().find(id)
          .orElseThrow(() -> new InvalidInputException("no rule '" + id + "' (see: trailwarden rules list)"));
      out.println(rule.id());
      out.println("  " + rule.title());
      out.println();
      out.println("Severity:     " + rule.severity().id());
      out.println("Description:  " + rule.description());
      out.println("Remediation:  " + rule.remediation() + rule.remediationId().map(r -> " (automated: " + r + ")").orElse(""));
      rule.remediationNone().ifPresent(why -> out.println("Not automated: " + why));
      rule.frameworks().forEach((framework, controls) -> controls.forEach(control ->
          out.println("Framework:    " + framework + " " + control
              + loaded.frameworks().title(framework, control).map(title -> ": " + title).orElse(""))));
      rule.references().forEach(ref -> out.println("Reference:    " + ref.url() + " (" + ref.description() + ")"));
      out.println("Parameters:   " + (rule.params().isEmpty() ? "none" : rule.params().toString()));
      out.println("Source:       " + rule.file());
      return ExitCode.OK.code();
    }
  }

  @Command(name = "docs", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Write every rule, its frameworks and controls as Markdown (the project keeps it in docs/rules.md).")
  static final class DocsCommand implements Callable<Integer> {
    @ParentCommand RulesCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
      Loaded loaded = parent.load(spec.commandLine().getErr());
      String markdown = RulesDocs.render(loaded.catalogue(), loaded.frameworks());
      if (output == null) {
        spec.commandLine().getOut().print(markdown);
        return ExitCode.OK.code();
      }
      try {
        AtomicFiles.write(output, markdown);
      } catch (IOException e) {
        throw new InvalidInputException(output + ": cannot write: " + e.getMessage(), e);
      }
      spec.commandLine().getErr().println("Wrote " + output);
      return ExitCode.OK.code();
    }
  }
}

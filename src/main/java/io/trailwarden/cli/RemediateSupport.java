package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.remediate.Applier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the remediate verbs share: confirmation, colour, printing outcomes, and --only. */
final class RemediateSupport {
  private RemediateSupport() {}

  /** Colours only on an interactive terminal, never in CI or a pipe. */
  static boolean colour() {
    return System.console() != null && System.getenv("CI") == null && System.getenv("NO_COLOR") == null;
  }

  /** Nothing is changed without --yes, or a typed "yes" on a terminal. */
  static boolean confirmed(boolean yes, String question, PrintWriter out, PrintWriter err) throws IOException {
    if (yes) {
      return true;
    }
    if (System.console() == null) {
      err.println("error: no terminal to confirm on; pass --yes to " + question + " unattended.");
      return false;
    }
    out.print("Type yes to " + question + ": ");
    out.flush();
    String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (!"yes".equals(answer == null ? "" : answer.strip())) {
      err.println("Not confirmed; nothing was changed.");
      return false;
    }
    return true;
  }

  static void print(List<Applier.Outcome> outcomes, PrintWriter out) {
    for (Applier.Outcome o : outcomes) {
      out.printf("  %-16s %-28s %s%n      %s%n", o.event().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          o.facet(), o.target().resource(), o.message());
    }
  }

  /** The config with its rule selection narrowed to --only (rule ids or framework ids), when given. */
  static ConfigLoader.Loaded only(ConfigLoader.Loaded loaded, List<String> only) {
    if (only == null || only.isEmpty()) {
      return loaded;
    }
    Config c = loaded.config();
    Config narrowed = new Config(c.version(), c.organization(), c.report(),
        new Config.Rules(only, c.rules().exclude(), c.rules().params()), c.waivers(), c.remediation(), c.athena());
    return new ConfigLoader.Loaded(narrowed, loaded.file(), loaded.text());
  }
}

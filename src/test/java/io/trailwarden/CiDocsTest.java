package io.trailwarden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trailwarden.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CI setups docs/ci.md ships for GitLab and Jenkins. Neither has an offline validator (GitLab's lint
 * and Jenkins' declarative linter are server APIs), so this checks what GitLab requires of the YAML and
 * that both point at the files TrailWarden writes. The GitHub workflows are linted by actionlint in .ci/run.
 */
public class CiDocsTest {
  private static final Path DOCS = TestFiles.projectDir().resolve("docs");
  private static final Path GITLAB = DOCS.resolve("ci/gitlab-ci.yml");
  private static final Path JENKINS = DOCS.resolve("ci/Jenkinsfile");

  /** GitLab's global keywords; every other top-level key is a job (or hidden, starting with a dot). */
  private static final Set<String> GLOBAL = Set.of("default", "include", "stages", "variables", "workflow",
      "image", "services", "cache", "before_script", "after_script", "spec");
  /** Every keyword a GitLab job accepts (docs.gitlab.com/ci/yaml), so a misspelt one is caught. */
  private static final Set<String> JOB = Set.of("after_script", "allow_failure", "artifacts", "before_script",
      "cache", "coverage", "dast_configuration", "dependencies", "environment", "extends", "hooks", "identity",
      "id_tokens", "image", "inherit", "interruptible", "manual_confirmation", "needs", "pages", "parallel",
      "release", "resource_group", "retry", "rules", "run", "script", "secrets", "services", "stage", "tags",
      "timeout", "trigger", "variables", "when");
  private static final Set<String> ARTIFACTS = Set.of("paths", "exclude", "expire_in", "expose_as", "name",
      "public", "access", "reports", "untracked", "when");
  private static final Set<String> RULE = Set.of("if", "changes", "exists", "when", "allow_failure", "needs",
      "variables", "interruptible");

  private static JsonNode gitlab() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(GITLAB.toFile());
  }

  private static List<Map.Entry<String, JsonNode>> jobs(JsonNode root) {
    List<Map.Entry<String, JsonNode>> jobs = new ArrayList<>();
    root.fields().forEachRemaining(e -> {
      if (!GLOBAL.contains(e.getKey()) && !e.getKey().startsWith(".")) {
        jobs.add(e);
      }
    });
    return jobs;
  }

  @Test
  void theGitlabJobHasWhatGitlabRequires() throws IOException {
    JsonNode root = gitlab();
    assertThat(root.isObject()).as("a mapping at the top").isTrue();
    List<String> stages = new ArrayList<>();
    root.path("stages").forEach(s -> stages.add(s.asText()));
    List<Map.Entry<String, JsonNode>> jobs = jobs(root);
    assertThat(jobs).as("jobs").isNotEmpty();
    for (Map.Entry<String, JsonNode> entry : jobs) {
      String name = entry.getKey();
      JsonNode job = entry.getValue();
      assertThat(job.isObject()).as(name + " is a mapping").isTrue();
      job.fieldNames().forEachRemaining(k -> assertThat(JOB).as(name + ": unknown job keyword").contains(k));
      // A job needs a script (unless it triggers another pipeline), a list of strings.
      assertThat(job.path("script").isArray() && !job.path("script").isEmpty()).as(name + ": script").isTrue();
      job.path("script").forEach(line -> assertThat(line.isTextual()).as(name + ": script lines are strings").isTrue());
      job.path("before_script").forEach(line -> assertThat(line.isTextual()).as(name + ": before_script").isTrue());
      assertThat(stages).as(name + ": its stage is declared in stages").contains(job.path("stage").asText("test"));
      job.path("rules").forEach(rule -> {
        rule.fieldNames().forEachRemaining(k -> assertThat(RULE).as(name + ": unknown rules keyword").contains(k));
        if (rule.has("when")) {
          assertThat(rule.path("when").asText()).isIn("on_success", "on_failure", "always", "never", "manual", "delayed");
        }
      });
      job.path("id_tokens").forEach(token -> assertThat(token.path("aud").isMissingNode()).as(name + ": id_tokens need aud").isFalse());
    }
  }

  @Test
  void theGitlabJobPublishesTheJunitReportAndKeepsTheBaseline() throws IOException {
    JsonNode job = gitlab().path("trailwarden");
    JsonNode artifacts = job.path("artifacts");
    artifacts.fieldNames().forEachRemaining(k -> assertThat(ARTIFACTS).as("unknown artifacts keyword").contains(k));
    assertThat(artifacts.path("when").asText()).as("reports also from a failing job").isEqualTo("always");
    assertThat(artifacts.path("reports").path("junit").asText()).isEqualTo("reports/" + ReportFormat.JUNIT.fileName());
    assertThat(artifacts.path("paths").toString()).contains("reports/");
    // expose_as needs its paths to be directories ending in / or files (GitLab rejects globs there).
    artifacts.path("paths").forEach(p -> assertThat(p.asText()).doesNotContain("*"));
    String script = job.path("script").toString();
    assertThat(script)
        .contains("/jobs/artifacts/", "/raw/reports/" + ReportFormat.JSON.fileName(), "job=$CI_JOB_NAME")
        .contains("--baseline baseline.json --fail-on-new", "--fail-on high", "./trailwarden scan");
  }

  @Test
  void theJenkinsfileRecordsJunitAndSarif() {
    String jenkinsfile = TestFiles.read(JENKINS);
    assertThat(jenkinsfile)
        .startsWith("//")
        .contains("pipeline {", "junit(testResults: 'reports/" + ReportFormat.JUNIT.fileName() + "'")
        .contains("recordIssues(", "sarif(pattern: 'reports/" + ReportFormat.SARIF.fileName() + "'")
        .contains("copyArtifacts(", "filter: 'reports/" + ReportFormat.JSON.fileName() + "'", "--fail-on-new");
    // Balanced braces and parentheses outside strings and comments: a cheap guard against a broken paste.
    int braces = 0;
    int parens = 0;
    for (String line : jenkinsfile.split("\n")) {
      String code = line.strip().startsWith("//") ? "" : line.replaceAll("'[^']*'|\"[^\"]*\"", "");
      for (char c : code.toCharArray()) {
        braces += c == '{' ? 1 : c == '}' ? -1 : 0;
        parens += c == '(' ? 1 : c == ')' ? -1 : 0;
        assertThat(braces).as(line).isNotNegative();
        assertThat(parens).as(line).isNotNegative();
      }
    }
    assertThat(braces).as("braces").isZero();
    assertThat(parens).as("parentheses").isZero();
  }

  @Test
  void theGuideLinksItsSnippetsAndTheWorkflows() {
    String guide = TestFiles.read(DOCS.resolve("ci.md"));
    assertThat(guide).contains("ci/gitlab-ci.yml", "ci/Jenkinsfile",
        "../.github/workflows/pr-gate.yml", "../.github/workflows/nightly-scan.yml");
    // The snippets in the guide are the tested files, verbatim.
    assertThat(guide).contains(TestFiles.read(GITLAB).strip(), TestFiles.read(JENKINS).strip());
  }
}

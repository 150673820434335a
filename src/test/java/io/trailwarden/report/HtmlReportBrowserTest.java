package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.Severity;
import io.trailwarden.snapshot.Organization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;

/**
 * The HTML report in a real browser: headless Chromium loads the golden files (and a generated
 * 1,200-account report) from disk, and the rendered DOM is checked against the evaluations they were
 * made from: counts, control matrix rows and statuses, the grid and its filter, the print layout, and
 * that the page sends no request (the recording proxy sees none, while a page that does is seen).
 */
class HtmlReportBrowserTest {
  private static HeadlessChromium chromium;
  private static ChromeDriver driver;

  @TempDir
  Path temp;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = HeadlessChromium.start();
    driver = chromium.driver();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void screenMedia() {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
  }

  static Stream<String> cases() {
    return Evaluations.CASES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theGoldenFileRendersItsEvaluation(String name) {
    Evaluation evaluation = Evaluations.CASES.get(name).get();
    open(golden(name));

    // The inline script ran and the inline style applies: the CSP hashes match the blocks.
    assertThat(script("return document.documentElement.dataset.ready")).isEqualTo("true");
    assertThat(script("return getComputedStyle(document.querySelector('#status-counts .s-pass')).backgroundColor"))
        .isEqualTo("rgb(218, 251, 225)");
    assertThat(driver.getTitle()).startsWith("TrailWarden: ");

    for (Status status : Status.values()) {
      assertThat(text("#status-counts tr[data-status='" + status.name() + "'] td"))
          .as("%s count", status).isEqualTo(String.valueOf(evaluation.count(status)));
    }
    for (Severity severity : Severity.values()) {
      long failed = evaluation.findings().stream().filter(f -> f.status() == Status.FAIL && f.severity() == severity).count();
      assertThat(text("#severity-counts tr[data-severity='" + severity.id() + "'] td")).isEqualTo(String.valueOf(failed));
    }
    assertThat(driver.findElements(By.cssSelector("#rule-table tbody tr"))).hasSize(evaluation.rules().size());

    // One matrix per framework: those of the frameworks file with every control it lists, then those
    // only the rules name.
    List<String> expected = new ArrayList<>();
    evaluation.frameworks().frameworks().forEach(f -> expected.add(f.id()));
    evaluation.rules().stream().flatMap(r -> r.frameworks().keySet().stream()).distinct().sorted()
        .filter(f -> !expected.contains(f)).forEach(expected::add);
    assertThat(driver.findElements(By.cssSelector("section.framework"))).extracting(s -> s.getAttribute("data-framework"))
        .containsExactlyElementsOf(expected);
    evaluation.frameworks().frameworks().forEach(f -> assertThat(driver.findElements(
        By.cssSelector("section.framework[data-framework='" + f.id() + "'] table.matrix tbody tr")))
        .extracting(r -> r.getAttribute("data-control"))
        .containsExactlyElementsOf(f.controls().stream().map(c -> c.id()).toList()));
    assertThat(chromium.requests()).as("requests the report made").isEmpty();
    assertThat(script("return performance.getEntriesByType('resource').length")).as("fetches the page made").isEqualTo(0L);
  }

  @Test
  void theMatrixRollsUpEachControlOverItsResources() {
    open(golden("mixed"));
    // 3.1: one trail fails multi-region, the other passes; 3.2: one fails, one is waived.
    assertThat(control("cis-aws-foundations-3.0", "3.1")).isEqualTo("FAIL");
    assertThat(control("cis-aws-foundations-3.0", "3.2")).isEqualTo("FAIL");
    assertThat(control("cis-aws-foundations-3.0", "3.8")).isEqualTo("NOT COVERED");
    // CloudTrail.3: the trail exists (PASS) but is not delivering (FAIL).
    assertThat(control("aws-security-hub", "CloudTrail.3")).isEqualTo("FAIL");
    // HIPAA is named by the rules only; its one control includes the UNKNOWN bucket policy.
    assertThat(control("hipaa", "164.312(b)")).isEqualTo("FAIL");
    assertThat(driver.findElements(By.cssSelector("section[data-framework='hipaa'] table.findings tr[data-status='UNKNOWN']")))
        .hasSize(1);
    // The failing resource's evidence and fix are under the control.
    String details = driver.findElement(By.cssSelector("section[data-framework='cis-aws-foundations-3.0'] table.findings"))
        .getText();
    assertThat(details).contains("arn:aws:cloudtrail:eu-west-1:111111111111:trail/legacy-audit", "\"isMultiRegionTrail\" : false",
        "--is-multi-region-trail");

    open(golden("all-pass"));
    assertThat(driver.findElements(By.cssSelector("table.matrix tbody tr"))).extracting(r -> r.getAttribute("data-status"))
        .containsOnly("PASS", "NOT_COVERED").contains("PASS");
    open(golden("no-findings"));
    assertThat(driver.findElements(By.cssSelector("table.matrix tbody tr"))).extracting(r -> r.getAttribute("data-status"))
        .containsOnly("NO_RESOURCES");
  }

  @Test
  void theGridGroupsAccountsByOuAndFilters() {
    open(golden("mixed"));
    assertThat(driver.findElements(By.cssSelector("#grid tbody.ou button.ou-toggle"))).extracting(WebElement::getText)
        .containsExactly("Root", "Root / Security <Audit & Logs>", "Root / Workloads / Prod");
    assertThat(visibleAccounts()).containsExactly("111111111111", "222222222222", "333333333333");
    assertThat(text("#grid tr.account td")).isEqualTo("FAIL");

    driver.findElement(By.id("account-filter")).sendKeys("payments");
    assertThat(visibleAccounts()).containsExactly("333333333333");
    driver.findElement(By.id("account-filter")).clear();
    driver.findElement(By.id("account-filter")).sendKeys("security");
    assertThat(visibleAccounts()).as("an OU's name matches its accounts").containsExactly("222222222222");
    driver.findElement(By.id("account-filter")).clear();
    driver.findElement(By.id("account-filter")).sendKeys(" ");
    driver.findElement(By.id("failing-only")).click();
    assertThat(visibleAccounts()).containsExactly("111111111111", "222222222222");
    assertThat(text("#filter-count")).isEqualTo("2 of 3 accounts shown");
    driver.findElement(By.id("failing-only")).click();

    driver.findElements(By.cssSelector("#grid button.ou-toggle")).get(0).click();
    assertThat(visibleAccounts()).containsExactly("222222222222", "333333333333");
    assertThat(driver.findElements(By.cssSelector("#grid button.ou-toggle")).get(0).getAttribute("aria-expanded")).isEqualTo("false");
  }

  @Test
  void printingShowsEveryAccountAndPutsEachFrameworkOnItsOwnPage() {
    open(golden("mixed"));
    driver.findElement(By.id("collapse-all")).click();
    assertThat(visibleAccounts()).isEmpty();

    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertThat(visibleAccounts()).as("collapsed OUs print in full").hasSize(3);
    assertThat(script("return getComputedStyle(document.querySelector('.grid-controls')).display")).isEqualTo("none");
    assertThat(script("return getComputedStyle(document.querySelector('section.framework')).breakBefore")).isEqualTo("page");

    byte[] pdf = Base64.getDecoder().decode(driver.print(new PrintOptions()).getContent());
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    long pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results().count();
    assertThat(pages).as("pages of the printed report: the summary, then one or more per framework").isGreaterThanOrEqualTo(4);
  }

  @Test
  void aThousandAccountsOpenCollapsedAndTheFilterFindsOne() throws IOException {
    Path file = temp.resolve("large.html");
    Files.writeString(file, new HtmlReporter().render(largeOrganization(1_200)), StandardCharsets.UTF_8);
    open(file);
    assertThat(driver.findElements(By.cssSelector("#grid tr.account"))).hasSize(1_200);
    assertThat(visibleAccounts()).as("OUs start collapsed above %d accounts", HtmlReporter.COLLAPSE_ABOVE).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#grid button.ou-toggle"))).hasSize(12);

    driver.findElement(By.id("account-filter")).sendKeys("100000000777");
    assertThat(visibleAccounts()).containsExactly("100000000777");
    driver.findElement(By.id("account-filter")).clear();
    driver.findElement(By.id("account-filter")).sendKeys(" ");
    driver.findElement(By.id("failing-only")).click();
    assertThat(visibleAccounts()).as("every 10th account fails").hasSize(120);
    assertThat(chromium.requests()).isEmpty();
  }

  @Test
  void theProxySeesAPageThatDoesMakeRequests() throws IOException {
    Path leaky = temp.resolve("leaky.html");
    Files.writeString(leaky, "<!DOCTYPE html><html><head><title>leaky</title>"
        + "<link rel=\"stylesheet\" href=\"http://cdn.example.invalid/style.css\"></head>"
        + "<body><img src=\"http://cdn.example.invalid/pixel.png\" alt=\"\"></body></html>");
    List<String> before = chromium.requests();
    open(leaky);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (chromium.requests().size() == before.size() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(chromium.requests().subList(before.size(), chromium.requests().size()))
        .as("the instrument must see requests, or its silence about the report means nothing")
        .anySatisfy(r -> assertThat(r).contains("cdn.example.invalid"));
    assertThat(script("return performance.getEntriesByType('resource').length")).isNotEqualTo(0L);
  }

  /** 12 OUs of 100 accounts; every 10th account has a failing member trail. */
  static Evaluation largeOrganization(int accounts) {
    List<Organization.OrganizationalUnit> ous = new ArrayList<>();
    List<Organization.Account> members = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    String rule = "cloudtrail_member_trails_no_conflict";
    for (int i = 0; i < 12; i++) {
      ous.add(new Organization.OrganizationalUnit("ou-ab12-" + i, "Workload " + i, "r-ab12"));
    }
    for (int i = 0; i < accounts; i++) {
      String id = String.valueOf(100_000_000_000L + i);
      members.add(new Organization.Account(id, "account-" + i, "ACTIVE", Optional.of("ou-ab12-" + (i % 12))));
      String trail = "arn:aws:cloudtrail:us-east-1:" + id + ":trail/local";
      findings.add(i % 10 == 0
          ? Evaluations.fail(rule, Severity.MEDIUM, trail, id, "us-east-1", "A member trail duplicates the organization trail.",
              Optional.empty(), io.trailwarden.Json.mapper().createObjectNode())
          : Evaluations.pass(rule, Severity.MEDIUM, trail, id, "us-east-1"));
    }
    RuleMetadata metadata = Evaluations.rule(rule, "Member accounts keep no trail that conflicts with the organization trail",
        "", Severity.MEDIUM, "Delete the member trail.", Optional.empty(), Map.of("hipaa", List.of("164.312(b)")));
    Organization organization = new Organization("o-a1b2c3d4e5", Evaluations.ORGANIZATION, "ALL", Evaluations.MANAGEMENT,
        List.of(new Organization.Root("r-ab12", "Root", List.of())), ous, members, List.of(), List.of());
    return new Evaluation("0.1.0", Instant.parse("2026-11-23T06:00:00Z"), Evaluations.MANAGEMENT, Optional.of("o-a1b2c3d4e5"),
        List.of(metadata), Evaluations.sorted(findings), List.of(), List.of())
        .within(io.trailwarden.policy.Frameworks.none(), Optional.of(organization));
  }

  private static void open(Path file) {
    driver.get(file.toUri().toString());
  }

  private static Path golden(String name) {
    return TestFiles.projectDir().resolve("src/test/resources/report/golden").resolve(name + ".html");
  }

  private static Object script(String js) {
    return driver.executeScript(js);
  }

  private static String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText().strip();
  }

  private static String control(String framework, String control) {
    return text("section[data-framework='" + framework + "'] table.matrix tr[data-control='" + control + "'] .s");
  }

  /** The ids of the account rows the browser displays. */
  @SuppressWarnings("unchecked")
  private static List<String> visibleAccounts() {
    return (List<String>) driver.executeScript("return [...document.querySelectorAll('#grid tr.account')]"
        + ".filter(r => getComputedStyle(r).display !== 'none' && getComputedStyle(r.parentElement).display !== 'none')"
        + ".map(r => r.querySelector('.id').textContent)");
  }
}

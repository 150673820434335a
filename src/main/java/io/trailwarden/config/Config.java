package io.trailwarden.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.policy.Severity;
import io.trailwarden.finding.Waiver;
import io.trailwarden.report.ReportFormat;
import io.trailwarden.report.ReportSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * config.yaml. Every key is optional; a missing one takes the default shown in the commented
 * config.yaml at the project root. Command-line options override {@code report}.
 */
public record Config(Integer version, OrganizationSettings organization, Report report, Rules rules, List<Waiver> waivers,
    Remediation remediation, Athena athena) {
  public static final int VERSION = 1;

  public Config {
    version = version == null ? VERSION : version;
    if (version != VERSION) {
      throw new IllegalArgumentException("version must be " + VERSION);
    }
    organization = organization == null ? OrganizationSettings.defaults() : organization;
    report = report == null ? Report.defaults() : report;
    rules = rules == null ? Rules.defaults() : rules;
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
    remediation = remediation == null ? Remediation.defaults() : remediation;
    athena = athena == null ? Athena.defaults() : athena;
  }

  /** Without an {@code athena} section (its defaults). */
  public Config(Integer version, OrganizationSettings organization, Report report, Rules rules, List<Waiver> waivers,
      Remediation remediation) {
    this(version, organization, report, rules, waivers, remediation, null);
  }

  public static Config defaults() {
    return new Config(null, null, null, null, null, null, null);
  }

  /**
   * Amazon Athena, for {@code logs query --engine athena} and {@code logs athena-ddl}: the workgroup the
   * queries run in, the database and table of the organization trail's logs, where results are written
   * (default: the workgroup's own setting), and the account and region of Athena (default: the
   * management account, whose credentials are in use, and {@code organization.homeRegion}).
   */
  public record Athena(String workgroup, String database, String table, Optional<String> outputLocation,
      Optional<String> accountId, Optional<String> region) {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9_]{1,255}");

    public Athena {
      workgroup = workgroup == null ? "primary" : workgroup;
      database = database == null ? "default" : database;
      table = table == null ? "trailwarden_events" : table;
      outputLocation = outputLocation == null ? Optional.empty() : outputLocation;
      accountId = accountId == null ? Optional.empty() : accountId;
      region = region == null ? Optional.empty() : region;
      if (!workgroup.matches("[A-Za-z0-9._-]{1,128}")) {
        throw new IllegalArgumentException("workgroup: '" + workgroup + "' is not an Athena workgroup name (1 to 128 letters, "
            + "digits, '.', '_' or '-')");
      }
      if (!NAME.matcher(database).matches()) {
        throw new IllegalArgumentException("database: '" + database + "' is not an Athena database name (lower-case letters, "
            + "digits and underscores)");
      }
      if (!NAME.matcher(table).matches()) {
        throw new IllegalArgumentException("table: '" + table + "' is not an Athena table name (lower-case letters, digits and "
            + "underscores)");
      }
      outputLocation.filter(l -> !l.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?")).ifPresent(l -> {
        throw new IllegalArgumentException("outputLocation: '" + l + "' is not an S3 location (s3://bucket/prefix/)");
      });
      accountId.filter(a -> !a.matches("[0-9]{12}")).ifPresent(a -> {
        throw new IllegalArgumentException("accountId must be a 12-digit account id, not '" + a + "'");
      });
      region.ifPresent(r -> OrganizationSettings.requireRegion("region", r));
    }

    public static Athena defaults() {
      return new Athena(null, null, null, null, null, null);
    }
  }

  /**
   * What to write and when to fail. {@code failOnNew} gates only on failures a baseline did not have;
   * {@code sarifCategory} keeps runs apart in GitHub code scanning (default: one per verb).
   */
  public record Report(List<ReportFormat> formats, String outputDir, Severity failOn, Boolean allowPartial, Boolean failOnNew,
      Optional<String> sarifCategory) {
    public Report {
      formats = formats == null ? ReportFormat.defaults() : List.copyOf(formats);
      outputDir = outputDir == null ? "reports" : outputDir;
      failOn = failOn == null ? Severity.LOW : failOn;
      allowPartial = allowPartial != null && allowPartial;
      failOnNew = failOnNew != null && failOnNew;
      sarifCategory = sarifCategory == null ? Optional.empty() : sarifCategory;
    }

    public Report(List<ReportFormat> formats, String outputDir, Severity failOn, Boolean allowPartial) {
      this(formats, outputDir, failOn, allowPartial, null, null);
    }

    static Report defaults() {
      return new Report(null, null, null, null, null, null);
    }

    /** The reporters' settings; {@code verbCategory} is the SARIF category when none is configured. */
    public ReportSettings settings(String verbCategory) {
      return new ReportSettings(failOn, failOnNew, sarifCategory.orElse(verbCategory));
    }
  }

  /**
   * Which rules run and with which parameters. {@code include} and {@code exclude} take rule ids or
   * framework ids (e.g. {@code cis-aws-foundations-3.0}); an empty include means every rule.
   */
  public record Rules(List<String> include, List<String> exclude, Map<String, JsonNode> params) {
    public Rules {
      include = include == null ? List.of() : List.copyOf(include);
      exclude = exclude == null ? List.of() : List.copyOf(exclude);
      params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    static Rules defaults() {
      return new Rules(null, null, null);
    }

    public Optional<JsonNode> paramsOf(String ruleId) {
      return Optional.ofNullable(params.get(ruleId));
    }
  }

  /**
   * What {@code remediate} may change. Nothing is allowed by default. {@code allow} takes rule ids,
   * framework ids or {@code all}; SCPs at the root touch every account, so they need {@code allowRootScp}
   * as well. Writes use {@code memberRoleName} in member accounts, never the scanner's read-only role.
   */
  public record Remediation(List<String> allow, Boolean allowRootScp, String memberRoleName, Integer maxPlanAgeHours,
      Optional<String> accessLogBucket, String journal, Alarms alarms) {
    /** {@code allow: [all]} allows every rule's remediation. */
    public static final String ALL = "all";

    public Remediation {
      allow = allow == null ? List.of() : List.copyOf(allow);
      allowRootScp = allowRootScp != null && allowRootScp;
      memberRoleName = memberRoleName == null ? "OrganizationAccountAccessRole" : memberRoleName;
      maxPlanAgeHours = maxPlanAgeHours == null ? 24 : maxPlanAgeHours;
      if (maxPlanAgeHours < 1) {
        throw new IllegalArgumentException("maxPlanAgeHours must be at least 1");
      }
      accessLogBucket = accessLogBucket == null ? Optional.empty() : accessLogBucket;
      journal = journal == null ? "reports/remediation-journal.jsonl" : journal;
      alarms = alarms == null ? Alarms.defaults() : alarms;
    }

    public Remediation(List<String> allow, Boolean allowRootScp, String memberRoleName, Integer maxPlanAgeHours,
        Optional<String> accessLogBucket, String journal) {
      this(allow, allowRootScp, memberRoleName, maxPlanAgeHours, accessLogBucket, journal, null);
    }

    public static Remediation defaults() {
      return new Remediation(null, null, null, null, null, null, null);
    }
  }

  /**
   * The CIS monitoring fixes: the metric namespace of the filters they add, the SNS topic (in the log
   * group's account and Region) their alarms notify, whether they may create it, and who they subscribe
   * to it when it has no confirmed subscriber.
   */
  public record Alarms(String namespace, String topicName, Boolean createTopic, Optional<Subscriber> subscribe) {
    public Alarms {
      namespace = namespace == null ? "CISBenchmark" : namespace;
      topicName = topicName == null ? "trailwarden-security-alarms" : topicName;
      createTopic = createTopic != null && createTopic;
      subscribe = subscribe == null ? Optional.empty() : subscribe;
      if (!topicName.matches("[A-Za-z0-9_-]{1,256}")) {
        throw new IllegalArgumentException("topicName must be 1 to 256 letters, digits, hyphens or underscores, not '" + topicName + "'");
      }
    }

    public static Alarms defaults() {
      return new Alarms(null, null, null, null);
    }
  }

  /** An SNS subscription to make: protocol (email, sqs, lambda, https, ...) and endpoint. */
  public record Subscriber(String protocol, String endpoint) {
    public Subscriber {
      if (protocol == null || protocol.isBlank() || endpoint == null || endpoint.isBlank()) {
        throw new IllegalArgumentException("subscribe needs both protocol and endpoint");
      }
    }
  }
}

package io.trailwarden.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The demo: "Northwind Capital", a financial-services company with 15 accounts (management, security,
 * shared infrastructure, and dev, staging and prod workload OUs), an organization trail, a log-archive
 * account, and a handful of realistic faults for TrailWarden to find:
 * <ul>
 *   <li>the organization trail does not validate log files;</li>
 *   <li>the bucket policy lets CloudTrail write without requiring bucket-owner-full-control, and does not deny deletion;</li>
 *   <li>the CloudTrail-protecting SCP is attached to the prod OU only;</li>
 *   <li>a developer's trail in a dev account writes into the organization's log bucket;</li>
 *   <li>the CloudWatch Logs group keeps trail events for 30 days only;</li>
 *   <li>Security Hub is not enabled in data-platform-dev's us-west-2; GuardDuty has no detector in the network
 *       account's us-west-2, and treasury-prod's eu-west-1 detector is suspended.</li>
 * </ul>
 */
public final class DemoOrganization {
  public static final String TRAIL_NAME = "northwind-org-trail";
  public static final String LOG_BUCKET = "northwind-org-cloudtrail-logs";
  public static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "us-west-2");

  /** What was built: the organization id and the account id of every account by name. */
  public record Seeded(String organizationId, String loggingAccountId, Map<String, String> accounts) {}

  private DemoOrganization() {}

  public static Seeded seed(Seeder seeder) {
    String organizationId = seeder.organization();
    String root = seeder.rootId();
    String security = seeder.organizationalUnit(root, "Security");
    String infrastructure = seeder.organizationalUnit(root, "Infrastructure");
    String workloads = seeder.organizationalUnit(root, "Workloads");
    String dev = seeder.organizationalUnit(workloads, "dev");
    String staging = seeder.organizationalUnit(workloads, "staging");
    String prod = seeder.organizationalUnit(workloads, "prod");

    Map<String, String> accounts = new TreeMap<>();
    accounts.put("management", Seeder.MANAGEMENT_ACCOUNT);
    for (var entry : List.of(
        Map.entry("log-archive", security), Map.entry("security-tooling", security),
        Map.entry("shared-services", infrastructure), Map.entry("network", infrastructure),
        Map.entry("payments-dev", dev), Map.entry("lending-dev", dev), Map.entry("data-platform-dev", dev),
        Map.entry("payments-staging", staging), Map.entry("lending-staging", staging),
        Map.entry("payments-prod", prod), Map.entry("lending-prod", prod), Map.entry("data-platform-prod", prod),
        Map.entry("customer-portal-prod", prod), Map.entry("treasury-prod", prod))) {
      accounts.put(entry.getKey(), seeder.account(entry.getKey(), entry.getValue()));
    }

    String logArchive = accounts.get("log-archive");
    seeder.logArchiveBucket(logArchive, LOG_BUCKET, Policies.logBucket(LOG_BUCKET, Seeder.MANAGEMENT_ACCOUNT, organizationId,
        false, false), true);
    seeder.bucket(accounts.get("payments-prod"), "northwind-card-statements", Optional.empty());

    String key = seeder.kmsKey(logArchive, Seeder.HOME_REGION);
    String logGroup = seeder.logGroup(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, "northwind-cloudtrail", 30);
    String trail = seeder.trail(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, TRAIL_NAME, LOG_BUCKET, true, true, false);
    seeder.eventSelectors(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, trail, List.of("northwind-card-statements"));
    seeder.encrypt(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, trail, key);
    seeder.deliverToCloudWatch(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, trail, logGroup);
    monitoring(seeder);
    seeder.scp("protect-log-archive", Policies.protectLogBucket(LOG_BUCKET, logArchive), List.of(security));
    seeder.trail(accounts.get("lending-dev"), "eu-west-1", "lending-debug", LOG_BUCKET, false, false, false);
    seeder.scp("protect-cloudtrail", Policies.protectCloudTrail(), List.of(prod));
    securityTools(seeder, accounts);
    return new Seeded(organizationId, logArchive, accounts);
  }

  /**
   * Security Hub and GuardDuty everywhere, administered from security-tooling, with the gaps real
   * organizations have: an account Security Hub never reached in one Region, a Region where nobody
   * enabled GuardDuty for an account, and a detector someone suspended.
   */
  private static void securityTools(Seeder seeder, Map<String, String> accounts) {
    String dataPlatformDev = accounts.get("data-platform-dev");
    String network = accounts.get("network");
    String treasury = accounts.get("treasury-prod");
    seeder.securityTools(List.copyOf(accounts.values()), REGIONS, accounts.get("security-tooling"),
        (account, region) -> account.equals(dataPlatformDev) && region.equals("us-west-2") ? Seeder.Tool.OFF : Seeder.Tool.ON,
        (account, region) -> account.equals(network) && region.equals("us-west-2") ? Seeder.Tool.OFF
            : account.equals(treasury) && region.equals("eu-west-1") ? Seeder.Tool.SUSPENDED : Seeder.Tool.ON);
  }

  /**
   * The CIS alarms, a few missing as they go missing in real organizations: the root-usage filter has no
   * alarm, the route-table filter misses CreateRoute, the console-failure alarm has its actions
   * disabled, and nobody watches AWS Organizations changes.
   */
  private static void monitoring(Seeder seeder) {
    String account = Seeder.MANAGEMENT_ACCOUNT;
    String region = Seeder.HOME_REGION;
    String group = "northwind-cloudtrail";
    String ns = Seeder.MONITORING_NAMESPACE;
    String topic = seeder.topic(account, region, "northwind-soc-alerts");
    seeder.subscribe(account, region, topic, "email", "soc@northwind.example");
    seeder.monitoring(account, region, group, topic, control -> switch (control.id()) {
      case "cloudwatch_alarm_root_usage" -> {
        seeder.metricFilter(account, region, group, control.metricName(), control.pattern(), control.metricName(), ns);
        yield true;
      }
      case "cloudwatch_alarm_route_table_changes" -> {
        seeder.metricFilter(account, region, group, control.metricName(), control.pattern().replace("($.eventName = \"CreateRoute\") || ", ""),
            control.metricName(), ns);
        seeder.alarm(account, region, control.metricName(), control.metricName(), ns, true, List.of(topic));
        yield true;
      }
      case "cloudwatch_alarm_console_auth_failures" -> {
        seeder.metricFilter(account, region, group, control.metricName(), control.pattern(), control.metricName(), ns);
        seeder.alarm(account, region, control.metricName(), control.metricName(), ns, false, List.of(topic));
        yield true;
      }
      case "cloudwatch_alarm_organizations_changes" -> true;
      default -> false;
    });
  }
}

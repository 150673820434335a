package io.trailwarden.emulator;

import io.trailwarden.demo.Policies;
import io.trailwarden.demo.Seeder;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The article's architecture, built on the emulator through the real SDK: a management account owning
 * a multi-region organization trail with log file validation, SSE-KMS (a rotating key of the log-archive
 * account) and CloudWatch Logs delivery; a dedicated log-archive account owning the bucket (policy,
 * Object Lock, access logs, archive lifecycle); production and development accounts in a Workloads OU;
 * an SCP at the root protecting CloudTrail and one on the Security OU protecting the bucket. Each {@link Fault} breaks one thing, as it happens in real organizations.
 */
public final class ArticleOrganization {
  public static final String BUCKET = "acme-org-cloudtrail-logs";
  public static final String TRAIL = "acme-org-trail";

  public enum Fault {
    /** The organization trail does not validate log files. */
    VALIDATION_OFF,
    /** A development-account trail writes into the organization's bucket. */
    MEMBER_TRAIL_INTO_ORG_BUCKET,
    /** The bucket policy has no explicit Deny of s3:DeleteObject. */
    NO_DENY_DELETE,
    /** The bucket has no lifecycle configuration. */
    NO_LIFECYCLE,
    /** The CloudTrail-protecting SCP is attached to the Production OU only. */
    SCP_ON_ONE_OU_ONLY,
    /** The route-table filter lists CreateRouteTable but not CreateRoute (cloudwatch_alarm_route_table_changes). */
    FILTER_NEAR_MISS,
    /** The root-usage alarm watches its metric in another namespace (cloudwatch_alarm_root_usage). */
    ALARM_WRONG_NAMESPACE,
    /** The IAM-policy alarm has its actions disabled (cloudwatch_alarm_iam_policy_changes). */
    ALARM_ACTIONS_DISABLED,
    /** The AWS Config alarm notifies a topic nobody is subscribed to (cloudwatch_alarm_config_changes). */
    TOPIC_WITHOUT_SUBSCRIBER,
    /** The VPC filter is on another log group than the trail's (cloudwatch_alarm_vpc_changes). */
    FILTER_ON_OTHER_LOG_GROUP,
    /** Security Hub is not enabled in the development account's eu-west-1 (securityhub_hub_enabled). */
    SECURITY_HUB_OFF,
    /** The development account has no GuardDuty detector in eu-west-1 (guardduty_enabled_organization_wide). */
    NO_DETECTOR,
    /** The production account's GuardDuty detector in us-east-1 is suspended (guardduty_enabled_organization_wide). */
    DETECTOR_SUSPENDED,
    /** GuardDuty has no delegated administrator in eu-west-1 (guardduty_enabled_organization_wide). */
    NO_GUARDDUTY_ADMINISTRATOR
  }

  /** The faults of the security tools, which no remediation fixes (the rules say why). */
  public static final Set<Fault> SECURITY_TOOL_FAULTS = java.util.EnumSet.of(Fault.SECURITY_HUB_OFF, Fault.NO_DETECTOR,
      Fault.DETECTOR_SUSPENDED, Fault.NO_GUARDDUTY_ADMINISTRATOR);

  /** The Regions the emulator tests scan; the security tools are seeded in each. */
  public static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

  /** The topic the organization's alarms notify; its one subscriber is confirmed (the emulator confirms at once). */
  public static final String ALARM_TOPIC = "acme-security-alarms";

  /** What was built, for assertions. */
  public record Seeded(String organizationId, String rootId, String securityOu, String workloadsOu, String productionOu,
      String developmentOu, String loggingAccount, String productionAccount, String developmentAccount, String trailArn,
      Optional<String> memberTrailArn, String scpId, String kmsKeyArn, String logGroupArn) {}

  private ArticleOrganization() {}

  public static Seeded seed(Seeder seeder, Set<Fault> faults) {
    String organizationId = seeder.organization();
    String root = seeder.rootId();
    String security = seeder.organizationalUnit(root, "Security");
    String workloads = seeder.organizationalUnit(root, "Workloads");
    String production = seeder.organizationalUnit(workloads, "Production");
    String development = seeder.organizationalUnit(workloads, "Development");
    String logging = seeder.account("log-archive", security);
    String prod = seeder.account("production", production);
    String dev = seeder.account("development", development);

    seeder.logArchiveBucket(logging, BUCKET, Policies.logBucket(BUCKET, Seeder.MANAGEMENT_ACCOUNT, organizationId, true,
        !faults.contains(Fault.NO_DENY_DELETE)), !faults.contains(Fault.NO_LIFECYCLE));
    String key = seeder.kmsKey(logging, Seeder.HOME_REGION);
    String logGroup = seeder.logGroup(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, "acme-cloudtrail", 400);
    String trail = seeder.trail(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, TRAIL, BUCKET, true, true,
        !faults.contains(Fault.VALIDATION_OFF));
    seeder.eventSelectors(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, trail, List.of());
    seeder.encrypt(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, trail, key);
    seeder.deliverToCloudWatch(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, trail, logGroup);
    monitoring(seeder, faults);
    seeder.scp("protect-log-archive", Policies.protectLogBucket(BUCKET, logging), List.of(security));
    Optional<String> memberTrail = faults.contains(Fault.MEMBER_TRAIL_INTO_ORG_BUCKET)
        ? Optional.of(seeder.trail(dev, "eu-west-1", "dev-debug-trail", BUCKET, false, false, false))
        : Optional.empty();
    String scp = seeder.scp("protect-cloudtrail", Policies.protectCloudTrail(),
        List.of(faults.contains(Fault.SCP_ON_ONE_OU_ONLY) ? production : root));
    securityTools(seeder, faults, logging, prod, dev);
    return new Seeded(organizationId, root, security, workloads, production, development, logging, prod, dev, trail,
        memberTrail, scp, key, logGroup);
  }

  /** Security Hub and GuardDuty in every account x region, administered from the log-archive (security) account. */
  private static void securityTools(Seeder seeder, Set<Fault> faults, String logging, String prod, String dev) {
    for (String region : REGIONS) {
      if (!(faults.contains(Fault.NO_GUARDDUTY_ADMINISTRATOR) && region.equals("eu-west-1"))) {
        seeder.guardDutyAdministrator(region, logging);
      }
      for (String account : List.of(Seeder.MANAGEMENT_ACCOUNT, logging, prod, dev)) {
        if (!(faults.contains(Fault.SECURITY_HUB_OFF) && account.equals(dev) && region.equals("eu-west-1"))) {
          seeder.securityHub(account, region);
        }
        if (!(faults.contains(Fault.NO_DETECTOR) && account.equals(dev) && region.equals("eu-west-1"))) {
          seeder.detector(account, region, !(faults.contains(Fault.DETECTOR_SUSPENDED) && account.equals(prod) && region.equals("us-east-1")));
        }
      }
    }
  }

  private static void monitoring(Seeder seeder, Set<Fault> faults) {
    String account = Seeder.MANAGEMENT_ACCOUNT;
    String region = Seeder.HOME_REGION;
    String ns = Seeder.MONITORING_NAMESPACE;
    String group = "acme-cloudtrail";
    String topic = seeder.topic(account, region, ALARM_TOPIC);
    seeder.subscribe(account, region, topic, "email", "security@acme.example");
    seeder.monitoring(account, region, group, topic, control -> {
      Fault fault = switch (control.id()) {
        case "cloudwatch_alarm_route_table_changes" -> Fault.FILTER_NEAR_MISS;
        case "cloudwatch_alarm_root_usage" -> Fault.ALARM_WRONG_NAMESPACE;
        case "cloudwatch_alarm_iam_policy_changes" -> Fault.ALARM_ACTIONS_DISABLED;
        case "cloudwatch_alarm_config_changes" -> Fault.TOPIC_WITHOUT_SUBSCRIBER;
        case "cloudwatch_alarm_vpc_changes" -> Fault.FILTER_ON_OTHER_LOG_GROUP;
        default -> null;
      };
      if (fault == null || !faults.contains(fault)) {
        return false;
      }
      String name = control.metricName();
      String pattern = fault == Fault.FILTER_NEAR_MISS ? control.pattern().replace("($.eventName = \"CreateRoute\") || ", "") : control.pattern();
      String filterGroup = group;
      if (fault == Fault.FILTER_ON_OTHER_LOG_GROUP) {
        filterGroup = "acme-app-logs";
        seeder.logGroup(account, region, filterGroup, 30);
      }
      seeder.metricFilter(account, region, filterGroup, name, pattern, name, ns);
      String alarmTopic = topic;
      if (fault == Fault.TOPIC_WITHOUT_SUBSCRIBER) {
        alarmTopic = seeder.topic(account, region, "acme-config-alarms");
      }
      seeder.alarm(account, region, name, name, fault == Fault.ALARM_WRONG_NAMESPACE ? "Custom/Security" : ns,
          fault != Fault.ALARM_ACTIONS_DISABLED, List.of(alarmTopic));
      return true;
    });
  }
}

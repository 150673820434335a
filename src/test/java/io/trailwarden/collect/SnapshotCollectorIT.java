package io.trailwarden.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.trailwarden.aws.ApiCallCounter;
import io.trailwarden.aws.AwsSettings;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.ArticleOrganization.Fault;
import io.trailwarden.emulator.DeniedAccounts;
import io.trailwarden.emulator.FaultProxy;
import io.trailwarden.emulator.Moto;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.CollectionError;
import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Scp;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import io.trailwarden.snapshot.Trail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The collectors against the moto emulator, checked field by field against what was seeded. */
class SnapshotCollectorIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
  static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

  @AfterEach
  void allowEveryAccount() {
    System.clearProperty(DeniedAccounts.PROPERTY);
  }

  ArticleOrganization.Seeded seed(Set<Fault> faults) {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      return ArticleOrganization.seed(seeder, faults);
    }
  }

  Snapshot collect(ArticleOrganization.Seeded seeded, ApiCallCounter counter) {
    return collect(seeded, counter, MOTO.endpoint());
  }

  Snapshot collect(ArticleOrganization.Seeded seeded, ApiCallCounter counter, java.net.URI endpoint) {
    return collect(seeded, counter, endpoint, Optional.of(seeded.loggingAccount()));
  }

  Snapshot collect(ArticleOrganization.Seeded seeded, ApiCallCounter counter, java.net.URI endpoint, Optional<String> loggingAccount) {
    OrganizationSettings settings = new OrganizationSettings(Optional.empty(), loggingAccount,
        Seeder.HOME_REGION, Optional.of(ArticleOrganization.TRAIL), Optional.of(ArticleOrganization.BUCKET), REGIONS, null,
        Optional.empty(), 4, Optional.empty(), null);
    AwsSettings aws = new AwsSettings(Optional.of(endpoint), Seeder.HOME_REGION, settings.memberRoleName(), Optional.empty(), 4);
    try (ClientFactory clients = new ClientFactory(aws, Seeder.credentials(), List.of(counter))) {
      return new SnapshotCollector(clients, settings, Clock.fixed(NOW, ZoneOffset.UTC), Progress.QUIET).collect();
    }
  }

  @Test
  void collectsTheArticleOrganizationFieldByField() {
    var seeded = seed(EnumSet.noneOf(Fault.class));
    ApiCallCounter counter = new ApiCallCounter();
    Snapshot snapshot = collect(seeded, counter);

    assertThat(snapshot.errors()).isEmpty();
    assertThat(snapshot.schemaVersion()).isEqualTo(1);
    assertThat(snapshot.collectedAt()).isEqualTo(NOW);
    assertThat(snapshot.scope().managementAccountId()).isEqualTo(Seeder.MANAGEMENT_ACCOUNT);
    assertThat(snapshot.scope().loggingAccountId()).contains(seeded.loggingAccount());
    assertThat(snapshot.scope().regions()).isEqualTo(REGIONS);

    Organization org = snapshot.organization().orElseThrow();
    assertThat(org.id()).isEqualTo(seeded.organizationId());
    assertThat(org.featureSet()).isEqualTo("ALL");
    assertThat(org.managementAccountId()).isEqualTo(Seeder.MANAGEMENT_ACCOUNT);
    assertThat(org.roots()).singleElement().satisfies(root -> {
      assertThat(root.id()).isEqualTo(seeded.rootId());
      assertThat(root.policyTypesEnabled()).containsExactly("SERVICE_CONTROL_POLICY");
    });
    assertThat(org.organizationalUnits()).extracting(Organization.OrganizationalUnit::name, Organization.OrganizationalUnit::parentId)
        .containsExactlyInAnyOrder(tuple("Security", seeded.rootId()), tuple("Workloads", seeded.rootId()),
            tuple("Production", seeded.workloadsOu()), tuple("Development", seeded.workloadsOu()));
    assertThat(org.accounts()).extracting(Organization.Account::id, Organization.Account::parentId, Organization.Account::status)
        .containsExactlyInAnyOrder(tuple(Seeder.MANAGEMENT_ACCOUNT, Optional.of(seeded.rootId()), "ACTIVE"),
            tuple(seeded.loggingAccount(), Optional.of(seeded.securityOu()), "ACTIVE"),
            tuple(seeded.productionAccount(), Optional.of(seeded.productionOu()), "ACTIVE"),
            tuple(seeded.developmentAccount(), Optional.of(seeded.developmentOu()), "ACTIVE"));
    assertThat(snapshot.unaccountedAccounts()).contains(0);
    assertThat(org.serviceAccess()).contains("cloudtrail.amazonaws.com");

    Scp protect = snapshot.scps().stream().filter(s -> s.id().equals(seeded.scpId())).findFirst().orElseThrow();
    assertThat(protect.name()).isEqualTo("protect-cloudtrail");
    assertThat(protect.awsManaged()).isFalse();
    assertThat(protect.targets()).containsExactly(seeded.rootId());
    assertThat(protect.document().at("/Statement/0/Effect").asText()).isEqualTo("Deny");
    assertThat(protect.document().at("/Statement/0/Action").toString()).contains("cloudtrail:StopLogging", "cloudtrail:DeleteTrail");

    assertThat(snapshot.trails()).singleElement().satisfies(trail -> {
      assertThat(trail.arn()).isEqualTo(seeded.trailArn());
      assertThat(trail.name()).isEqualTo(ArticleOrganization.TRAIL);
      assertThat(trail.accountId()).isEqualTo(Seeder.MANAGEMENT_ACCOUNT);
      assertThat(trail.homeRegion()).isEqualTo("us-east-1");
      assertThat(trail.isOrganizationTrail()).isTrue();
      assertThat(trail.isMultiRegionTrail()).isTrue();
      assertThat(trail.logFileValidationEnabled()).isTrue();
      assertThat(trail.includeGlobalServiceEvents()).isTrue();
      assertThat(trail.s3BucketName()).isEqualTo(ArticleOrganization.BUCKET);
      assertThat(trail.kmsKeyId()).contains(seeded.kmsKeyArn());
      assertThat(trail.cloudWatchLogsLogGroupArn()).contains(seeded.logGroupArn());
      assertThat(trail.status()).hasValueSatisfying(s -> {
        assertThat(s.isLogging()).isTrue();
        assertThat(s.latestDeliveryError()).isEmpty();
        assertThat(s.startLoggingTime()).isPresent();
      });
      assertThat(trail.eventSelectors()).hasValueSatisfying(selectors -> assertThat(selectors).singleElement()
          .satisfies(s -> {
            assertThat(s.readWriteType()).isEqualTo("All");
            assertThat(s.includeManagementEvents()).isTrue();
          }));
      assertThat(trail.advancedEventSelectors()).contains(List.of());
      assertThat(trail.insightSelectors()).contains(List.of());
      // moto does not show organization trails from member accounts (architecture.md §9): seen from both regions of the management account.
      assertThat(trail.seenFrom()).containsExactly(new Trail.Location(Seeder.MANAGEMENT_ACCOUNT, "eu-west-1"),
          new Trail.Location(Seeder.MANAGEMENT_ACCOUNT, "us-east-1"));
    });

    Bucket bucket = snapshot.buckets().get(ArticleOrganization.BUCKET);
    assertThat(bucket.accountId()).isEqualTo(seeded.loggingAccount());
    assertThat(bucket.region()).isEqualTo("us-east-1");
    assertThat(bucket.policy()).hasValueSatisfying(p -> assertThat(p.findValuesAsText("Sid"))
        .containsExactly("AWSCloudTrailAclCheck", "AWSCloudTrailWrite", "DenyInsecureTransport", "DenyLogDeletion"));
    assertThat(bucket.publicAccessBlock()).contains(new Bucket.PublicAccessBlock(true, true, true, true));
    assertThat(bucket.versioning()).contains(new Bucket.Versioning("Enabled", "Disabled"));
    assertThat(bucket.objectLock()).hasValueSatisfying(lock -> {
      assertThat(lock.enabled()).isTrue();
      assertThat(lock.mode()).contains("COMPLIANCE");
      assertThat(lock.days()).contains(Seeder.RETENTION_DAYS);
    });
    assertThat(bucket.lifecycleRules()).hasValueSatisfying(rules -> assertThat(rules).singleElement().satisfies(rule -> {
      assertThat(rule.status()).isEqualTo("Enabled");
      assertThat(rule.prefix()).contains("AWSLogs/");
      assertThat(rule.transitions()).containsExactly(new Bucket.Transition(90, "GLACIER"));
      assertThat(rule.expirationDays()).contains(2555);
    }));
    assertThat(bucket.encryption()).hasValueSatisfying(e -> assertThat(e.rules()).extracting(Bucket.EncryptionRule::sseAlgorithm)
        .containsExactly("AES256"));
    assertThat(bucket.logging()).contains(new Bucket.Logging(ArticleOrganization.BUCKET + "-access-logs", ArticleOrganization.BUCKET + "/"));

    assertThat(snapshot.kmsKeys()).containsOnlyKeys(seeded.kmsKeyArn());
    assertThat(snapshot.kmsKeys().get(seeded.kmsKeyArn())).satisfies(key -> {
      assertThat(key.accountId()).isEqualTo(seeded.loggingAccount());
      assertThat(key.keyManager()).isEqualTo("CUSTOMER");
      assertThat(key.keyState()).isEqualTo("Enabled");
      assertThat(key.rotationEnabled()).contains(true);
      assertThat(key.policy()).isPresent();
    });
    assertThat(snapshot.logGroups()).containsOnlyKeys(seeded.logGroupArn());
    assertThat(snapshot.logGroups().get(seeded.logGroupArn())).satisfies(group -> {
      assertThat(group.name()).isEqualTo("acme-cloudtrail");
      assertThat(group.retentionInDays()).contains(400);
    });
    assertThat(bucket.acl()).hasValueSatisfying(acl -> assertThat(acl.grants()).extracting(Bucket.Grant::permission)
        .containsExactly("FULL_CONTROL"));

    // Security Hub and an enabled GuardDuty detector in each of 4 accounts x 2 regions, the log-archive
    // account GuardDuty's administrator in both.
    List<String> accounts = List.of(Seeder.MANAGEMENT_ACCOUNT, seeded.loggingAccount(), seeded.productionAccount(), seeded.developmentAccount());
    assertThat(snapshot.securityHubs().values()).hasSize(8).allSatisfy(hub -> {
      assertThat(hub.arn()).isEqualTo("arn:aws:securityhub:" + hub.region() + ":" + hub.accountId() + ":hub/default");
      assertThat(hub.subscribedAt()).isPresent();
    }).extracting(io.trailwarden.snapshot.SecurityHub::accountId).containsOnlyElementsOf(accounts);
    assertThat(snapshot.guardDuty().detectors().values()).hasSize(8).allSatisfy(d -> {
      assertThat(d.arn()).isEqualTo("arn:aws:guardduty:" + d.region() + ":" + d.accountId() + ":detector/" + d.detectorId());
      assertThat(d.status()).isEqualTo("ENABLED");
    });
    assertThat(snapshot.guardDuty().administrators()).containsExactly(
        new io.trailwarden.snapshot.GuardDuty.Administrator("eu-west-1", seeded.loggingAccount(), "ENABLED"),
        new io.trailwarden.snapshot.GuardDuty.Administrator("us-east-1", seeded.loggingAccount(), "ENABLED"));
    assertThat(snapshot.absent()).isEmpty();

    assertThat(new SnapshotIo().parse(new SnapshotIo().toJson(snapshot), "collected")).as("valid against the schema").isEqualTo(snapshot);
    assertThat(counter.calls()).as("API calls counted").isGreaterThan(20);
  }

  @Test
  void findsTheLogBucketsOwnerWithOneListBucketsWhenNoLoggingAccountIsConfigured() {
    var seeded = seed(EnumSet.noneOf(Fault.class));
    ApiCallCounter counter = new ApiCallCounter();
    Snapshot snapshot = collect(seeded, counter, MOTO.endpoint(), Optional.empty());

    assertThat(snapshot.errors()).isEmpty();
    assertThat(snapshot.buckets().get(ArticleOrganization.BUCKET).accountId()).isEqualTo(seeded.loggingAccount());
    // The account named "log-archive" is asked first, before the management account and the rest.
    assertThat(counter.byOperation()).containsEntry("S3:ListBuckets", 1L);
    long owners = snapshot.buckets().values().stream().map(Bucket::accountId).distinct().count();
    assertThat(counter.byOperation()).as("the account's Block Public Access, once per owner account")
        .containsEntry("S3Control:GetPublicAccessBlock", owners);
  }

  @Test
  void faultsAndAnUnassumableAccountShowInTheSnapshot() {
    var seeded = seed(EnumSet.allOf(Fault.class));
    System.setProperty(DeniedAccounts.PROPERTY, seeded.productionAccount());
    Snapshot snapshot = collect(seeded, new ApiCallCounter());

    assertThat(snapshot.errors()).singleElement().satisfies(error -> {
      assertThat(error).isEqualTo(new CollectionError("sts", "AssumeRole", seeded.productionAccount(), "us-east-1", "AccessDenied",
          error.message(), Optional.of("arn:aws:iam::" + seeded.productionAccount() + ":role/OrganizationAccountAccessRole")));
      assertThat(error.message()).contains("not authorized");
    });
    Trail orgTrail = snapshot.trails().stream().filter(Trail::isOrganizationTrail).findFirst().orElseThrow();
    assertThat(orgTrail.logFileValidationEnabled()).isFalse();
    assertThat(snapshot.trails()).filteredOn(t -> !t.isOrganizationTrail()).singleElement().satisfies(member -> {
      assertThat(member.arn()).isEqualTo(seeded.memberTrailArn().orElseThrow());
      assertThat(member.accountId()).isEqualTo(seeded.developmentAccount());
      assertThat(member.s3BucketName()).isEqualTo(ArticleOrganization.BUCKET);
      assertThat(member.seenFrom()).containsExactly(new Trail.Location(seeded.developmentAccount(), "eu-west-1"));
    });
    Bucket bucket = snapshot.buckets().get(ArticleOrganization.BUCKET);
    assertThat(bucket.policy()).hasValueSatisfying(p -> assertThat(p.findValuesAsText("Sid")).doesNotContain("DenyLogDeletion"));
    assertThat(bucket.lifecycleRules()).as("no lifecycle configuration").isEmpty();
    Scp protect = snapshot.scps().stream().filter(s -> s.id().equals(seeded.scpId())).findFirst().orElseThrow();
    assertThat(protect.targets()).containsExactly(seeded.productionOu());
    // The security tools: the development account not subscribed to Security Hub in eu-west-1 (an
    // absence, not an error), no detector there; nothing read of the unassumable production account.
    String hub = "arn:aws:securityhub:eu-west-1:" + seeded.developmentAccount() + ":hub/default";
    assertThat(snapshot.securityHubs()).doesNotContainKey(hub).hasSize(5);
    assertThat(snapshot.absent()).filteredOn(a -> a.service().equals("securityhub")).singleElement().satisfies(a -> {
      assertThat(a.resource()).isEqualTo(hub);
      assertThat(a.code()).isEqualTo("InvalidAccessException");
    });
    assertThat(snapshot.guardDuty().detectors().values()).hasSize(5)
        .noneMatch(d -> d.accountId().equals(seeded.developmentAccount()) && d.region().equals("eu-west-1"));
    assertThat(snapshot.guardDuty().administrators()).extracting(io.trailwarden.snapshot.GuardDuty.Administrator::region)
        .containsExactly("us-east-1");
  }

  /** Issue 13: a parent whose accounts could not be listed no longer takes its accounts out of the snapshot. */
  @Test
  void accountsUnderAParentThatCannotBeListedStayInTheSnapshot() {
    var seeded = seed(EnumSet.noneOf(Fault.class));
    Snapshot snapshot;
    try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint(), FaultProxy.Plan.denying(Set.of(), Set.of("ListAccountsForParent")),
        "emulator", Seeder.MANAGEMENT_ACCOUNT)) {
      snapshot = collect(seeded, new ApiCallCounter(), proxy.endpoint());
    }
    assertThat(snapshot.organization().orElseThrow().accounts()).extracting(Organization.Account::id, Organization.Account::parentId)
        .containsExactlyInAnyOrder(tuple(Seeder.MANAGEMENT_ACCOUNT, Optional.empty()), tuple(seeded.loggingAccount(), Optional.empty()),
            tuple(seeded.productionAccount(), Optional.empty()), tuple(seeded.developmentAccount(), Optional.empty()));
    assertThat(snapshot.unaccountedAccounts()).contains(4);
    assertThat(snapshot.errors()).extracting(CollectionError::operation).containsOnly("ListAccountsForParent");
    assertThat(snapshot.trails()).as("the accounts are still scanned").isNotEmpty();
    assertThat(snapshot.buckets()).containsKey(ArticleOrganization.BUCKET);
  }

  @Test
  void withTheAccountListUnreadableTooTheirNumberIsUnknown() {
    var seeded = seed(EnumSet.noneOf(Fault.class));
    Snapshot snapshot;
    try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint(),
        FaultProxy.Plan.denying(Set.of(), Set.of("ListAccountsForParent", "ListAccounts")), "emulator", Seeder.MANAGEMENT_ACCOUNT)) {
      snapshot = collect(seeded, new ApiCallCounter(), proxy.endpoint());
    }
    assertThat(snapshot.organization().orElseThrow().accounts()).isEmpty();
    assertThat(snapshot.unaccountedAccounts()).isEmpty();
  }
}

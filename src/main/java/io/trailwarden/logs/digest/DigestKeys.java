package io.trailwarden.logs.digest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where CloudTrail puts one account's and region's files of one trail, as the digest file structure
 * documents it: {@code [prefix/]AWSLogs/[organization id/]account/CloudTrail-Digest/region/yyyy/MM/dd/
 * account_CloudTrail-Digest_region_trail_homeRegion_yyyyMMddTHHmmssZ[_backfill].json.gz}, and the log
 * files beside them under {@code CloudTrail/}.
 */
public record DigestKeys(Optional<String> keyPrefix, Optional<String> organizationId, String accountId, String region,
    String trailName, String homeRegion) {
  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  public static final String BACKFILL_SUFFIX = "_backfill.json.gz";

  public DigestKeys {
    keyPrefix = keyPrefix.filter(p -> !p.isEmpty()).map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
  }

  private String base() {
    return keyPrefix.map(p -> p + "/").orElse("") + "AWSLogs/" + organizationId.map(o -> o + "/").orElse("") + accountId + "/";
  }

  /** The folder of every digest of this account and region, with a trailing slash. */
  public String digestFolder() {
    return base() + "CloudTrail-Digest/" + region + "/";
  }

  /** The folder of the log files of this account and region, with a trailing slash. */
  public String logFolder() {
    return base() + "CloudTrail/" + region + "/";
  }

  /** The key of the digest delivered at {@code end}. */
  public String digestKey(Instant end, boolean backfill) {
    return digestFolder() + DAY.format(end) + "/" + accountId + "_CloudTrail-Digest_" + region + "_" + trailName + "_"
        + homeRegion + "_" + STAMP.format(end) + (backfill ? BACKFILL_SUFFIX : ".json.gz");
  }

  /** The key a log file delivered at {@code delivered} would have; {@code unique} is CloudTrail's 16-character suffix. */
  public String logKey(Instant delivered, String unique) {
    return logFolder() + DAY.format(delivered) + "/" + accountId + "_CloudTrail_" + region + "_" + LOG_STAMP.format(delivered)
        + "_" + unique + ".json.gz";
  }

  /** The S3 ListObjectsV2 start-after that begins listing just before {@code from}'s day. */
  public String listStartAfter(Instant from) {
    return digestFolder() + DAY.format(from.minusSeconds(24 * 3600)) + "/~";
  }

  /** Matches this trail's digest keys in the folder; group 1 is the time stamp, group 2 the backfill mark. */
  public Pattern digestPattern() {
    return Pattern.compile("^" + Pattern.quote(digestFolder()) + "\\d{4}/\\d{2}/\\d{2}/" + Pattern.quote(accountId
        + "_CloudTrail-Digest_" + region + "_" + trailName + "_" + homeRegion + "_") + "(\\d{8}T\\d{6}Z)(_backfill)?\\.json\\.gz$");
  }

  /** The delivery time a digest key names, if it is one of this trail's digest keys. */
  public Optional<Instant> digestTime(String key) {
    Matcher m = digestPattern().matcher(key);
    return m.matches() ? Optional.of(STAMP.parse(m.group(1), Instant::from)) : Optional.empty();
  }

  /** The day folder a key is in, {@code yyyy/MM/dd}, when it is under the digest folder. */
  public Optional<String> dayOf(String key) {
    String folder = digestFolder();
    if (!key.startsWith(folder) || key.length() < folder.length() + 10) {
      return Optional.empty();
    }
    return Optional.of(key.substring(folder.length(), folder.length() + 10));
  }

  public static String day(Instant time) {
    return DAY.format(time);
  }

  public static boolean isBackfill(String key) {
    return key.endsWith(BACKFILL_SUFFIX);
  }
}

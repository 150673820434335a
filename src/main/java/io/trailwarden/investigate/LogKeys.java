package io.trailwarden.investigate;

import io.trailwarden.InvalidInputException;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.logs.digest.DigestKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which day folders of the organization trail's log files a window needs, and what a log file key
 * must look like: {@code [prefix/]AWSLogs/<org>/<account>/CloudTrail/<region>/yyyy/MM/dd/
 * <account>_CloudTrail_<region>_yyyyMMddTHHmmZ_<unique>.json.gz}.
 */
final class LogKeys {
  private LogKeys() {}

  /** One day folder of one account and region. */
  record DayFolder(String account, String region, LocalDate day, String prefix, Pattern keys) {
    /** The key, checked against the layout; anything else under the folder is refused, naming it. */
    void check(String key, String shown) {
      Matcher m = keys.matcher(key);
      if (!m.matches()) {
        throw new InvalidInputException(shown + ": not a CloudTrail log file of account " + account + " and region " + region
            + " (expected " + prefix + account + "_CloudTrail_" + region + "_<yyyyMMddTHHmmZ>_<id>.json.gz)");
      }
    }
  }

  /**
   * The folders of every account × region (both key layouts of the management account) for each day
   * from the window's start to an hour after its end: a file is delivered up to about 15 minutes after
   * its events, so the last events of a day may sit in the next day's first file.
   */
  static List<DayFolder> folders(LogVerifier.Target target, Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to.plusSeconds(3600), ZoneOffset.UTC);
    List<DayFolder> folders = new ArrayList<>();
    for (String account : target.accounts()) {
      for (String region : target.regions()) {
        for (DigestKeys keys : target.folders(account, region)) {
          for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            String prefix = keys.logFolder() + DigestKeys.day(day.atStartOfDay(ZoneOffset.UTC).toInstant()) + "/";
            Pattern pattern = Pattern.compile("^" + Pattern.quote(prefix + account + "_CloudTrail_" + region + "_")
                + "\\d{8}T\\d{4}Z_[A-Za-z0-9]+\\.json\\.gz$");
            folders.add(new DayFolder(account, region, day, prefix, pattern));
          }
        }
      }
    }
    return folders;
  }
}

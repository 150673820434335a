package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The exit codes are said in one place: the help text is made from {@link ExitCode}, and the README agrees. */
class ExitCodeTest {
  private static final Pattern README_ROW = Pattern.compile("(?m)^\\| (\\d) \\| (.+) \\|$");

  @Test
  void codesAreDistinctAndInOrder() {
    ExitCode[] all = ExitCode.values();
    for (int i = 0; i < all.length; i++) {
      assertThat(all[i].code()).as(all[i].name()).isEqualTo(i);
    }
  }

  @Test
  void everyHelpTextListsEveryCode() throws Exception {
    for (String[] command : new String[][] {{"--help"}, {"scan", "--help"}, {"remediate", "apply", "--help"}}) {
      MainTest.Run run = MainTest.run(command);
      assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
      String help = run.out().replaceAll("\\s+", " ");
      assertThat(help).as(String.join(" ", command)).contains("Exit codes:");
      for (ExitCode exit : ExitCode.values()) {
        assertThat(help).as(String.join(" ", command)).contains(" " + exit.code() + " " + exit.meaning());
      }
    }
  }

  @Test
  void readmeTableIsTheEnum() throws Exception {
    Map<Integer, String> readme = new LinkedHashMap<>();
    Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md")));
    while (row.find()) {
      readme.put(Integer.valueOf(row.group(1)), row.group(2).replace("`", ""));
    }
    Map<Integer, String> expected = new LinkedHashMap<>();
    for (ExitCode exit : ExitCode.values()) {
      expected.put(exit.code(), exit.meaning());
    }
    assertThat(readme).as("the exit-code table in README.md").containsExactlyEntriesOf(expected);
  }
}

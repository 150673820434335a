package io.trailwarden.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void theLineCountsPlacesAccountsAndErrors() {
    StringWriter text = new StringWriter();
    Progress progress = new Progress.Line(new PrintWriter(text));
    progress.started(2, 4);
    progress.placeDone("111111111111", 0);
    progress.placeDone("222222222222", 1);
    progress.finished();
    assertThat(text.toString())
        .contains("\rcollecting: 1/4 account-regions, 1/2 accounts, 0 errors")
        .contains("\rcollecting: 2/4 account-regions, 2/2 accounts, 1 error ");
  }

  @Test
  void quietWithoutATerminalOrInCi() {
    StringWriter text = new StringWriter();
    // Tests run without a console; CI is set as well.
    assertThat(Progress.forTerminal(new PrintWriter(text), Map.of("CI", "true"))).isSameAs(Progress.QUIET);
    assertThat(Progress.forTerminal(new PrintWriter(text), Map.of())).isSameAs(Progress.QUIET);
  }
}

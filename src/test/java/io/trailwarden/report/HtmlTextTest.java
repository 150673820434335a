package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void markupInAMessageIsShownAsText() {
    assertThat(HtmlText.escape("bucket <b>\"logs\"</b> & 'x'"))
        .isEqualTo("bucket &lt;b&gt;&quot;logs&quot;&lt;/b&gt; &amp; &#39;x&#39;");
    assertThat(HtmlText.escape("<script>")).isEqualTo("&lt;script&gt;");
    assertThat(HtmlText.escape("ends with >")).isEqualTo("ends with &gt;");
  }

  @Test
  void carriageReturnsGoAndLineBreaksStay() {
    assertThat(HtmlText.escape("one\r\ntwo\r")).isEqualTo("one\ntwo");
  }

  @Test
  void textWithNothingToEscapeIsItself() {
    String plain = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org";
    assertThat(HtmlText.escape(plain)).isSameAs(plain);
    assertThat(HtmlText.escape("")).isEmpty();
    assertThat(HtmlText.escape(null)).isEmpty();
  }

  @Test
  void aLinkOfAnotherSchemeIsTextOnly() {
    assertThat(HtmlText.link("x<y", "javascript:alert(1)")).isEqualTo("x&lt;y");
    assertThat(HtmlText.link("docs", "https://example.com/?a=1&b=2"))
        .isEqualTo("<a href=\"https://example.com/?a=1&amp;b=2\" rel=\"noreferrer\">docs</a>");
  }
}

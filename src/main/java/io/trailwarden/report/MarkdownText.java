package io.trailwarden.report;

/**
 * Escaping for GitHub-flavoured Markdown. Messages come from rules and from AWS error texts, so any of
 * them may hold characters Markdown or GitHub's HTML would interpret, and a '|' or a line break would
 * split a table row.
 */
final class MarkdownText {
  private static final String ESCAPED = "\\`*_[]<>|~#&";

  private MarkdownText() {}

  /** Plain text shown as itself: punctuation backslash-escaped, line breaks as {@code <br>}. */
  static String text(String text) {
    StringBuilder out = new StringBuilder();
    String normalized = text.strip().replace("\r\n", "\n").replace('\r', '\n');
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      if (c == '\n') {
        out.append("<br>");
      } else if (ESCAPED.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * An identifier or ARN as inline code, safe in a table cell: GFM splits cells before it reads code
   * spans, so '|' is escaped even inside one (outside a table the backslash would show, but ids and
   * account numbers hold no '|'). A backtick or line break cannot live in a code span, so such text
   * falls back to escaped plain text.
   */
  static String code(String text) {
    if (text.isEmpty() || text.indexOf('`') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return text(text);
    }
    return "`" + text.replace("|", "\\|") + "`";
  }

  /** {@code [label](url)}; characters that would end the link destination are percent-encoded. */
  static String link(String label, String url) {
    String destination = url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        .replace("<", "%3C").replace(">", "%3E");
    return "[" + text(label.isBlank() ? url : label) + "](" + destination + ")";
  }
}

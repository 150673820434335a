package io.trailwarden.report;

/**
 * Escaping for HTML text and attribute values. Messages, evidence and waiver reasons come from rules,
 * config.yaml and AWS error texts, so any of them may hold markup characters.
 */
final class HtmlText {
  private HtmlText() {}

  /** Text or a double-quoted attribute value shown as itself; line breaks are kept (CSS decides). */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    int first = 0;
    while (first < text.length() && "&<>\"'\r".indexOf(text.charAt(first)) < 0) {
      first++;
    }
    if (first == text.length()) {
      return text; // most texts need no escaping: no copy (a large organization's report has millions)
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\r' -> { }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** An id attribute from free text: letters, digits, '-', '_' and '.' kept, anything else '-'. */
  static String id(String text) {
    return text.replaceAll("[^A-Za-z0-9._-]", "-");
  }

  /** An http(s) link, or the escaped text alone when the URL is of another scheme. */
  static String link(String label, String url) {
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
      return escape(label);
    }
    return "<a href=\"" + escape(url) + "\" rel=\"noreferrer\">" + escape(label) + "</a>";
  }
}

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
    while (first < text.length() && !special(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text; // most texts need no escaping: no copy (a large organization's report has millions)
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int from = 0; // the text from here to the next special character is copied as one piece
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (special(c)) {
        out.append(text, from, i).append(switch (c) {
          case '&' -> "&amp;";
          case '<' -> "&lt;";
          case '>' -> "&gt;";
          case '"' -> "&quot;";
          case '\'' -> "&#39;";
          default -> ""; // '\r'
        });
        from = i + 1;
      }
    }
    out.append(text, from, text.length());
    return out.toString();
  }

  private static boolean special(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '\r';
  }

  /** An id attribute from free text: letters, digits, '-', '_' and '.' kept, anything else '-'. */
  static String id(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
        return text.replaceAll("[^A-Za-z0-9._-]", "-");
      }
    }
    return text; // rule and control ids: nothing to replace, no regular expression
  }

  /** An http(s) link, or the escaped text alone when the URL is of another scheme. */
  static String link(String label, String url) {
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
      return escape(label);
    }
    return "<a href=\"" + escape(url) + "\" rel=\"noreferrer\">" + escape(label) + "</a>";
  }
}

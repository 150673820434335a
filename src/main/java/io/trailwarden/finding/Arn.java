package io.trailwarden.finding;

/**
 * Just enough ARN parsing for report locations: {@code arn:partition:service:region:account:resource}.
 */
public record Arn(String service, String resource) {
  public static Arn parse(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      return new Arn("resource", arn);
    }
    return new Arn(parts[2], parts[5]);
  }
}

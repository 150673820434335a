package io.trailwarden.finding;

/**
 * Just enough ARN parsing for report locations: {@code arn:partition:service:region:account:resource}.
 */
public record Arn(String service, String resource) {
  public static Arn parse(String arn) {
    // The first five colons end the fields; the resource, colons and all, follows the fifth. Found by
    // indexOf, not split: reports parse the ARN of every finding, millions in a large organization.
    int[] colons = new int[5];
    int at = -1;
    for (int i = 0; i < colons.length; i++) {
      at = arn.indexOf(':', at + 1);
      if (at < 0) {
        return new Arn("resource", arn);
      }
      colons[i] = at;
    }
    if (colons[0] != 3 || !arn.startsWith("arn")) {
      return new Arn("resource", arn);
    }
    return new Arn(arn.substring(colons[1] + 1, colons[2]), arn.substring(colons[4] + 1));
  }
}

package io.trailwarden.remediate.facet;

/** The account and region of an ARN ({@code arn:partition:service:region:account:resource}), to route a write. */
record ArnParts(String region, String accountId, String resource) {
  static ArnParts parse(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      throw new IllegalArgumentException("not an ARN: " + arn);
    }
    return new ArnParts(parts[3], parts[4], parts[5]);
  }
}

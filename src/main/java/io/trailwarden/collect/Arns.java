package io.trailwarden.collect;

/** The parts of an ARN the collectors route calls by: {@code arn:partition:service:region:account:resource}. */
final class Arns {
  private Arns() {}

  static String service(String arn) {
    return part(arn, 2);
  }

  static String region(String arn) {
    return part(arn, 3);
  }

  static String account(String arn) {
    return part(arn, 4);
  }

  static String resource(String arn) {
    return part(arn, 5);
  }

  private static String part(String arn, int index) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      throw new IllegalArgumentException("not an ARN: " + arn);
    }
    return parts[index];
  }
}

package io.trailwarden.finding;

/** The verdict on one resource for one rule. */
public enum Status {
  /** The rule judged the resource and it complies. */
  PASS,
  /** The rule judged the resource and it does not comply. */
  FAIL,
  /** The evidence needed to judge the resource is missing; never counted as a pass. */
  UNKNOWN,
  /** A FAIL or UNKNOWN accepted by an unexpired waiver in config.yaml. */
  WAIVED
}

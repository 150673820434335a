package io.trailwarden.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One finding in the AWS Security Finding Format, as TrailWarden fills it: the fields {@link AsffFindings}
 * decides once, which {@link AsffReporter} writes as JSON and {@code trailwarden export securityhub} sends
 * with the SDK. Names follow ASFF.
 */
public record AsffFinding(
    String id,
    String productArn,
    String generatorId,
    String awsAccountId,
    List<String> types,
    String createdAt,
    String updatedAt,
    String severityLabel,
    String severityOriginal,
    String title,
    String description,
    String remediationText,
    Optional<String> remediationUrl,
    Map<String, String> productFields,
    List<Resource> resources,
    String complianceStatus,
    List<String> relatedRequirements,
    String recordState,
    String workflowStatus) {

  public AsffFinding {
    types = List.copyOf(types);
    productFields = Map.copyOf(productFields);
    resources = List.copyOf(resources);
    relatedRequirements = List.copyOf(relatedRequirements);
  }

  /** ASFF {@code Resources[]}: Region is absent when the finding has none (the organization is global). */
  public record Resource(String type, String id, String partition, Optional<String> region) {}
}

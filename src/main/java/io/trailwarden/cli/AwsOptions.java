package io.trailwarden.cli;

import io.trailwarden.aws.AwsSettings;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.config.OrganizationSettings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/** Where the AWS APIs are and whose credentials to use. */
final class AwsOptions {
  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Send every AWS call here (an emulator); default: config organization.endpoint, else $AWS_ENDPOINT_URL.")
  URI endpoint;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "AWS profile of the management account (default: the standard credential chain).")
  String profile;

  AwsSettings settings(OrganizationSettings organization, Map<String, String> env) {
    Optional<URI> resolved = Optional.ofNullable(endpoint)
        .or(() -> organization.endpoint().map(URI::create))
        .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank()).map(URI::create));
    return new AwsSettings(resolved, organization.homeRegion(), organization.memberRoleName(), organization.externalId(),
        organization.concurrency());
  }

  /** Connects with these options, config.yaml's organization section and the environment. */
  Connector connector(OrganizationSettings organization, Map<String, String> env) {
    AwsSettings settings = settings(organization, env);
    return interceptors -> profile == null
        ? ClientFactory.withDefaultCredentials(settings, interceptors)
        : new ClientFactory(settings, ProfileCredentialsProvider.create(profile), interceptors);
  }
}

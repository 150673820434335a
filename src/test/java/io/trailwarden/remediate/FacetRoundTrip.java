package io.trailwarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.AwsSettings;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.collect.ResourceReader;
import io.trailwarden.demo.Seeder;
import io.trailwarden.remediate.facet.Facet;
import io.trailwarden.remediate.facet.Target;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The contract every facet keeps on the emulator: writing {@code from -> to} makes the re-read
 * document equal {@code to}, and writing it back (a rollback) makes it equal {@code from} again.
 */
public final class FacetRoundTrip implements AutoCloseable {
  private final ClientFactory clients;
  private final LiveState live;

  public FacetRoundTrip(URI endpoint) {
    clients = new ClientFactory(new AwsSettings(Optional.of(endpoint), Seeder.HOME_REGION, "OrganizationAccountAccessRole",
        Optional.empty(), 4), Seeder.credentials(), List.of());
    clients.managementAccount(Seeder.MANAGEMENT_ACCOUNT);
    live = new LiveState(new ResourceReader(clients, Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, Clock.systemUTC()));
  }

  public JsonNode read(Facet facet, Target target) {
    return live.read(facet, target);
  }

  /** Applies {@code edit} to the live document, checks the result, rolls back, checks again; returns the edited document. */
  public JsonNode check(Facet facet, Target target, UnaryOperator<JsonNode> edit) {
    JsonNode before = read(facet, target);
    JsonNode after = edit.apply(before);
    assertThat(after).as("the edit changes something").isNotEqualTo(before);
    facet.write(clients, target, before, after);
    assertThat(read(facet, target)).as("re-read after the change").isEqualTo(after);
    facet.write(clients, target, after, before);
    assertThat(read(facet, target)).as("re-read after the rollback").isEqualTo(before);
    return after;
  }

  public ClientFactory clients() {
    return clients;
  }

  @Override
  public void close() {
    clients.close();
  }
}

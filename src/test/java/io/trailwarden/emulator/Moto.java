package io.trailwarden.emulator;

import io.trailwarden.demo.MotoServer;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The AWS emulator for integration tests: one moto server per test class on a free loopback port,
 * reset (and its account ids made repeatable) before each test. When moto is missing the tests fail
 * with the install instructions; they are never skipped.
 */
public final class Moto implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  public static final int SEED = 42;
  private MotoServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = MotoServer.start(System.getenv());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.reset();
    server.seedRandomness(SEED);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }

  /** Empties the emulator and seeds its ids anew, within a test. */
  public void reset(int seed) {
    server.reset();
    server.seedRandomness(seed);
  }

  public URI endpoint() {
    return server.endpoint();
  }

  public MotoServer server() {
    return server;
  }
}

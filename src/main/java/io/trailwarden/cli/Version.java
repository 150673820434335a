package io.trailwarden.cli;

import io.trailwarden.policy.Opa;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** TrailWarden's version (from the build) and the OPA version it is tested with. */
public final class Version implements CommandLine.IVersionProvider {
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/trailwarden/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"TrailWarden " + current(), "Rules tested with OPA " + Opa.pinnedVersion()};
  }
}

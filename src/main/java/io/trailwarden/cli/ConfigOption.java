package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --config: an explicit file must exist; without it ./config.yaml is used when present. */
final class ConfigOption {
  static final Path DEFAULT = Path.of("config.yaml");

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: ./config.yaml when present, else built-in defaults).")
  Path file;

  ConfigLoader.Loaded load() {
    if (file != null) {
      return ConfigLoader.load(file);
    }
    return Files.isRegularFile(DEFAULT)
        ? ConfigLoader.load(DEFAULT)
        : new ConfigLoader.Loaded(Config.defaults(), DEFAULT, "");
  }
}

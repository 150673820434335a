package io.trailwarden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a user-named input file; a missing or unreadable one is an input error naming the file. */
public final class InputFiles {
  private InputFiles() {}

  /** @param what the kind of file, for the message ("snapshot", "config") */
  public static String read(Path file, String what) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such " + what + " file");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read " + what + ": " + e.getMessage(), e);
    }
  }
}

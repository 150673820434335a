package io.trailwarden.investigate;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One log file ready for the engine: on disk (the cache or a locker), checked, with where its key says
 * it comes from. {@code key} is its S3 key (as the digests name it); {@code shown} is how the user knows
 * it: its S3 URL, or its path in the locker.
 */
public record LogFile(Path path, String key, String shown, String account, String region, LocalDate day) {}

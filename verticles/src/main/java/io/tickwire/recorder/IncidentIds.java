package io.tickwire.recorder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Incident ids, which are also bundle directory names: {@code <UTC second of the trigger's event time>_<8 hex>},
 * e.g. {@code 20240501T120000Z_1f3a9c0e}. The time prefix makes ids sort by time; the random suffix keeps two
 * runs over the same stream (same trigger times) from colliding in one directory.
 */
public final class IncidentIds {
  /** The whole id; nothing else (no separators, no dots) can pass, so a valid id is a safe path segment. */
  public static final Pattern PATTERN = Pattern.compile("\\d{8}T\\d{6}Z_[0-9a-f]{8}");

  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private IncidentIds() {
  }

  /** The id for a trigger at {@code eventTimeMicros}, with {@code random} as its unique suffix. */
  public static String of(long eventTimeMicros, int random) {
    Instant second = Instant.ofEpochSecond(Math.floorDiv(eventTimeMicros, 1_000_000L));
    return SECOND.format(second) + '_' + String.format("%08x", random);
  }

  public static boolean isValid(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }

  /** {@code id} itself, or an IllegalArgumentException naming it when it is not an incident id. */
  public static String requireValid(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("bad incident id '" + id + "': expected yyyyMMddTHHmmssZ_ followed by 8 "
          + "lowercase hex digits");
    }
    return id;
  }
}

package io.tickwire.connector.capture;

import io.tickwire.config.ConnectorSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A capture to replay, in either format (tickwire's own, with its {@code #} header, or cryptofeed's), with an
 * optional separate REST capture (Binance depth snapshots), merged into one timeline by receive time; and which
 * venue protocol it speaks: given, else named by tickwire's header, else told by the URL it was recorded from.
 */
public record CaptureSource(String venue, String protocol, List<CryptofeedCapture.Record> timeline) {
  private static final String HEADER = "# tickwire capture v1 ";

  /** Reads {@code capture} (and {@code rest}, may be null); {@code protocol} may be null to detect it. */
  public static CaptureSource read(Path capture, Path rest, String venue, String protocol) {
    String headerVenue = headerField(capture, "venue");
    if (headerVenue != null && !headerVenue.equals(venue)) {
      throw new IllegalArgumentException(capture + " was recorded from " + headerVenue + ", not " + venue);
    }
    List<CryptofeedCapture.Record> timeline = new ArrayList<>(CryptofeedCapture.readAll(capture));
    if (rest != null) {
      timeline.addAll(CryptofeedCapture.readAll(rest));
      timeline.sort(Comparator.comparingLong(CryptofeedCapture.Record::epochMicros)); // stable: ties keep file order
    }
    String chosen = protocol != null ? protocol : detect(venue, headerField(capture, "protocol"), timeline);
    List<String> known = ConnectorSettings.PROTOCOLS.get(venue);
    if (known == null) {
      throw new IllegalArgumentException("unknown venue '" + venue + "' (expected one of "
          + String.join(", ", ConnectorSettings.PROTOCOLS.keySet().stream().sorted().toList()) + ")");
    }
    if (!known.contains(chosen)) {
      throw new IllegalArgumentException("unknown protocol '" + chosen + "' for " + venue + " (expected one of "
          + String.join(", ", known) + ")");
    }
    return new CaptureSource(venue, chosen, List.copyOf(timeline));
  }

  private static String detect(String venue, String fromHeader, List<CryptofeedCapture.Record> timeline) {
    if (fromHeader != null) {
      return fromHeader;
    }
    String url = timeline.stream().filter(r -> r.direction() == CryptofeedCapture.Direction.OPEN).findFirst()
        .map(CryptofeedCapture.Record::url).orElse("").toLowerCase(Locale.ROOT);
    return switch (venue) {
      case "kraken" -> url.contains("/v2") ? "v2" : "v1";
      case "coinbase" -> url.contains("advanced-trade") ? "advanced_trade" : "exchange";
      case "binance" -> "spot";
      case "binance_futures" -> "usdm";
      case "deribit" -> "v2";
      default -> throw new IllegalArgumentException("unknown venue '" + venue + "'");
    };
  }

  /** A {@code key=value} of tickwire's header line, or null for a capture without one. */
  static String headerField(Path capture, String key) {
    try (BufferedReader reader = Files.newBufferedReader(capture, StandardCharsets.UTF_8)) {
      String first = reader.readLine();
      if (first == null || !first.startsWith(HEADER)) {
        return null;
      }
      for (String part : first.substring(HEADER.length()).split(" ")) {
        if (part.startsWith(key + "=")) {
          return part.substring(key.length() + 1);
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read capture " + capture, e);
    }
  }

  /** The {@code symbol=} query parameter of a REST request URL, or null. */
  public static String symbolOf(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String param : url.substring(q + 1).split("&")) {
      if (param.startsWith("symbol=")) {
        return param.substring("symbol=".length());
      }
    }
    return null;
  }
}

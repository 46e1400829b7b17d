package io.tickwire.replay;

/** Where a node listens, as {@code host:port} (an IPv6 host in brackets: {@code [::1]:9001}). */
public record HostPort(String host, int port) {
  public HostPort {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 1..65535, got " + port);
    }
  }

  /** Parses {@code host:port}; throws naming the text when it is not one. */
  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port with a numeric port, got '" + text + "'");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad host:port '" + text + "': " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}

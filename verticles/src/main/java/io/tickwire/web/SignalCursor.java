package io.tickwire.web;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of {@code /api/signals} ended: the last row's key in the answer's order (ts, symbol, name,
 * provider, all descending). The next page starts strictly after it, so rows inserted meanwhile never shift the pages (keyset
 * pagination, unlike OFFSET). Clients see it as an opaque base64url string.
 */
record SignalCursor(long ts, String symbol, String name, String provider) {
  private static final String ALLOWED = "a next_cursor value from an earlier /api/signals answer";

  String encode() {
    String json = new JsonObject().put("ts", ts).put("symbol", symbol).put("name", name).put("provider", provider)
        .encode();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Anything that is not a cursor this server wrote is the client's mistake: 400 naming {@code cursor}. */
  static SignalCursor decode(String text) {
    try {
      JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
      long ts = json.getLong("ts");
      String symbol = json.getString("symbol");
      String name = json.getString("name");
      String provider = json.getString("provider");
      if (symbol == null || name == null || provider == null) {
        throw new IllegalArgumentException("incomplete cursor");
      }
      return new SignalCursor(ts, symbol, name, provider);
    } catch (RuntimeException e) { // bad base64, not JSON, missing or mistyped fields
      throw ApiException.badParameter("cursor", text, ALLOWED);
    }
  }
}

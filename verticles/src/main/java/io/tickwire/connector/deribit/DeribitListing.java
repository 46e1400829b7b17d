package io.tickwire.connector.deribit;

import static io.tickwire.connector.ExactJson.array;
import static io.tickwire.connector.ExactJson.objectAt;
import static io.tickwire.connector.ExactJson.optionalText;
import static io.tickwire.connector.ExactJson.text;

import io.tickwire.connector.ExactJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deribit REST answers as the instrument directory needs them: {@code public/get_instruments} (the active
 * options, futures and perpetuals of a currency; combos and inactive instruments are left out) and
 * {@code public/get_index_price} (the index a currency's moneyness is measured against). A JSON-RPC error answer
 * fails with Deribit's message; anything unreadable fails naming what.
 */
final class DeribitListing {
  private static final List<String> KINDS = List.of("option", "future");

  private DeribitListing() {
  }

  /** The instruments of one {@code get_instruments} answer that Deribit lists as active. */
  static List<DeribitInstrument> instruments(String body) {
    List<DeribitInstrument> out = new ArrayList<>();
    for (Object entry : array(result(body), "result")) {
      Map<String, Object> listed = ExactJson.object(entry, "instrument");
      if (KINDS.contains(text(listed, "kind")) && !Boolean.FALSE.equals(listed.get("is_active"))) {
        out.add(DeribitInstrument.parse(text(listed, "instrument_name")));
      }
    }
    return out;
  }

  /** The index price of one {@code get_index_price} answer, as a double: moneyness needs no exactness. */
  static double indexPrice(String body) {
    Object price = objectAt(result(body), "result").get("index_price");
    if (!(price instanceof ExactJson.Num number)) {
      throw new IllegalArgumentException("index_price is " + price + ", expected a number");
    }
    return Double.parseDouble(number.text());
  }

  private static Map<String, Object> result(String body) {
    Map<String, Object> reply = ExactJson.parseObject(body);
    if (reply.get("error") != null) {
      Map<String, Object> error = objectAt(reply, "error");
      throw new IllegalStateException("deribit answered code " + ExactJson.optionalNumber(error, "code") + ": "
          + optionalText(error, "message"));
    }
    return reply;
  }
}

package io.tickwire.connector.deribit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.config.DeribitSettings;
import io.tickwire.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Instrument selection over the recorded {@code public/get_instruments} answers (DERIBIT.0, July 2021). */
class DeribitSelectionTest {
  /** When the listing was recorded. */
  private static final long NOW = IsoTime.parse("2021-07-22T22:42:03Z");
  private static final Map<String, Double> INDEX = Map.of("BTC", 32208.37, "ETH", 2006.72);

  static List<DeribitInstrument> listed() {
    List<DeribitInstrument> out = new ArrayList<>();
    listingBodies().values().forEach(body -> out.addAll(DeribitListing.instruments(body)));
    return out;
  }

  /**
   * The recorded answers by currency. Read line by line rather than as a capture: the file ends with a line of
   * the recorder's own configuration, which is no capture line.
   */
  static Map<String, String> listingBodies() {
    Map<String, String> bodies = new java.util.LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(Fixtures.cryptofeed("DERIBIT.0"))) {
        if (line.startsWith("https://")) {
          String url = line.substring(0, line.indexOf(' '));
          String currency = url.substring(url.indexOf("currency=") + 9, url.indexOf('&'));
          bodies.put(currency, line.substring(line.indexOf(": {") + 2));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bodies;
  }

  static DeribitSettings settings(List<String> currencies, Set<String> kinds, int expiries, double min, double max,
      int maxInstruments) {
    return new DeribitSettings(URI.create("http://127.0.0.1:1"), currencies, kinds, expiries, min, max,
        maxInstruments, 60_000, 300, 8, "100ms", "raw", 30, List.of("btc_usd"));
  }

  @Test
  void theRecordedListingReadsEveryActiveOptionFutureAndPerpetual() {
    List<DeribitInstrument> listed = listed();
    assertThat(listed).hasSize(398 + 426 + 177 + 16);
    assertThat(listed).filteredOn(i -> i.kind() == DeribitInstrument.Kind.PERPETUAL).hasSize(3 + 16);
  }

  @Test
  void optionsOfTheNearestExpiriesWithinTheMoneynessBandAfterThePerpetual() {
    List<String> chosen = DeribitSelection.select(listed(), INDEX,
        settings(List.of("BTC"), Set.of("option", "perpetual"), 2, 0.9, 1.1, 1_000), NOW);

    assertThat(chosen.get(0)).isEqualTo("BTC-PERPETUAL");
    List<DeribitInstrument> options = chosen.subList(1, chosen.size()).stream().map(DeribitInstrument::parse)
        .toList();
    assertThat(options).isNotEmpty().allSatisfy(o -> {
      assertThat(o.kind()).isEqualTo(DeribitInstrument.Kind.OPTION);
      assertThat(o.currency()).isEqualTo("BTC");
      double moneyness = Decimals.toDouble(o.strike()) / 32208.37;
      assertThat(moneyness).isBetween(0.9, 1.1);
      assertThat(o.expiry()).isGreaterThan(NOW);
    });
    assertThat(options.stream().map(DeribitInstrument::expiry).distinct()).as("the two nearest expiries")
        .containsExactly(IsoTime.parse("2021-07-23T08:00:00Z"), IsoTime.parse("2021-07-24T08:00:00Z"));
    DeribitInstrument first = options.get(0);
    assertThat(Math.abs(Decimals.toDouble(first.strike()) - 32208.37)).as("nearest the money first")
        .isLessThanOrEqualTo(Math.abs(Decimals.toDouble(options.get(options.size() - 1).strike()) - 32208.37));
  }

  @Test
  void theCapKeepsThePreferredAndAnUnknownIndexLeavesACurrencysOptionsOut() {
    DeribitSettings both = settings(List.of("BTC", "ETH"), Set.of("option", "future", "perpetual"), 0, 0.5, 2, 10);
    List<String> capped = DeribitSelection.select(listed(), INDEX, both, NOW);
    assertThat(capped).hasSize(10).startsWith("BTC-PERPETUAL", "ETH-PERPETUAL");

    List<String> noEthIndex = DeribitSelection.select(listed(), Map.of("BTC", 32208.37),
        settings(List.of("ETH"), Set.of("option", "perpetual"), 0, 0.5, 2, 1_000), NOW);
    assertThat(noEthIndex).containsExactly("ETH-PERPETUAL");
  }

  /** On the 24th after 08:00 the 23rd and 24th have expired: the nearest listed expiry is then the 30th. */
  @Test
  void expiredInstrumentsAreLeftOut() {
    long later = IsoTime.parse("2021-07-24T09:00:00Z");
    List<String> chosen = DeribitSelection.select(listed(), INDEX,
        settings(List.of("BTC"), Set.of("option"), 1, 0.5, 2, 1_000), later);
    assertThat(chosen).isNotEmpty().allSatisfy(name -> assertThat(DeribitInstrument.parse(name).expiry())
        .isEqualTo(IsoTime.parse("2021-07-30T08:00:00Z")));
  }

  @Test
  void errorAnswersAndBrokenListingsFailNamingWhy() {
    assertThatThrownBy(() -> DeribitListing.instruments("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":10001,"
        + "\"message\":\"too_many_requests\"}}")).hasMessageContaining("10001").hasMessageContaining("too_many_requests");
    assertThatThrownBy(() -> DeribitListing.instruments("{\"jsonrpc\":\"2.0\",\"result\":{}}"))
        .hasMessageContaining("result");
    assertThatThrownBy(() -> DeribitListing.indexPrice("{\"result\":{\"index_price\":\"high\"}}"))
        .hasMessageContaining("index_price");
    assertThat(DeribitListing.indexPrice("{\"jsonrpc\":\"2.0\",\"result\":{\"index_price\":32208.37,"
        + "\"estimated_delivery_price\":32208.37}}")).isEqualTo(32208.37);
  }
}

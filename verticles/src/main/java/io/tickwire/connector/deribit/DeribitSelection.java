package io.tickwire.connector.deribit;

import io.tickwire.codecs.Decimals;
import io.tickwire.config.DeribitSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which listed instruments to subscribe: those of the configured currencies and kinds, not expired; options only
 * of the nearest {@code expiries} expiries of their currency and with a strike within the moneyness band around
 * the currency's index price (a currency whose index is unknown contributes no options). Preferred first:
 * perpetuals, then futures by expiry, then options by expiry and by distance from the money; at most
 * {@code maxInstruments}. A pure function, so a refresh with the same listing picks the same instruments.
 */
final class DeribitSelection {
  private DeribitSelection() {
  }

  /**
   * @param indexPrices the index price of each currency (its first name part, {@code BTC}), for moneyness
   * @param nowMicros instruments expiring at or before this are left out
   */
  static List<String> select(List<DeribitInstrument> listed, Map<String, Double> indexPrices,
      DeribitSettings settings, long nowMicros) {
    List<DeribitInstrument> chosen = new ArrayList<>();
    for (String currency : settings.currencies()) {
      List<DeribitInstrument> own = listed.stream()
          .filter(i -> i.currency().equals(currency) && wantedKind(i, settings))
          .filter(i -> i.kind() == DeribitInstrument.Kind.PERPETUAL || i.expiry() > nowMicros).toList();
      own.stream().filter(i -> i.kind() != DeribitInstrument.Kind.OPTION).forEach(chosen::add);
      Double index = indexPrices.get(currency);
      if (index != null && index > 0) {
        chosen.addAll(options(own, index, settings));
      }
    }
    chosen.sort(preference(indexPrices));
    return chosen.stream().limit(settings.maxInstruments()).map(DeribitInstrument::name).toList();
  }

  private static boolean wantedKind(DeribitInstrument instrument, DeribitSettings settings) {
    return settings.kinds().contains(instrument.kind().name().toLowerCase(Locale.ROOT));
  }

  private static List<DeribitInstrument> options(List<DeribitInstrument> own, double index,
      DeribitSettings settings) {
    TreeSet<Long> expiries = new TreeSet<>();
    own.stream().filter(i -> i.kind() == DeribitInstrument.Kind.OPTION).forEach(i -> expiries.add(i.expiry()));
    long lastExpiry = settings.expiries() == 0 || expiries.size() <= settings.expiries() ? Long.MAX_VALUE
        : expiries.stream().skip(settings.expiries() - 1L).findFirst().orElseThrow();
    return own.stream().filter(i -> i.kind() == DeribitInstrument.Kind.OPTION && i.expiry() <= lastExpiry)
        .filter(i -> inBand(moneyness(i, index), settings)).toList();
  }

  private static double moneyness(DeribitInstrument option, double index) {
    return Decimals.toDouble(option.strike()) / index;
  }

  private static boolean inBand(double moneyness, DeribitSettings settings) {
    return moneyness >= settings.minMoneyness() && moneyness <= settings.maxMoneyness();
  }

  private static Comparator<DeribitInstrument> preference(Map<String, Double> indexPrices) {
    return Comparator.<DeribitInstrument>comparingInt(DeribitSelection::rank)
        .thenComparingLong(DeribitInstrument::expiry)
        .thenComparingDouble(i -> distanceFromTheMoney(i, indexPrices))
        .thenComparing(DeribitInstrument::name);
  }

  private static int rank(DeribitInstrument instrument) {
    return switch (instrument.kind()) {
      case PERPETUAL -> 0;
      case FUTURE -> 1;
      case OPTION -> 2;
    };
  }

  private static double distanceFromTheMoney(DeribitInstrument instrument, Map<String, Double> indexPrices) {
    Double index = indexPrices.get(instrument.currency());
    return instrument.kind() != DeribitInstrument.Kind.OPTION || index == null ? 0
        : Math.abs(Math.log(moneyness(instrument, index)));
  }
}

package io.tickwire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.codecs.InfoBar;
import io.tickwire.config.BatcherSettings.EmptyPolicy;
import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bar-shape keys of {@code batcher.*}: defaults that keep today's bars, values, and errors naming the value. */
@ExtendWith(VertxExtension.class)
class BarShapesSettingsTest {
  private static BatcherSettings load(Vertx vertx, String... sets) {
    return Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(), List.of(sets)))).batcher();
  }

  @Test
  void defaultsKeepEpochBarsWithoutFills(Vertx vertx) {
    BatcherSettings b = load(vertx);
    assertThat(b.shapes().empty()).isEqualTo(EmptyPolicy.SKIP);
    assertThat(b.shapes().emptyMaxMs()).isEqualTo(900_000);
    assertThat(b.shapes().timezone().normalized()).isEqualTo(ZoneOffset.UTC);
    assertThat(b.shapes().sessionStart()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(b.shapes().infoBars()).isEmpty();
    assertThat(b.shapes().emptyIntervals()).as("every interval").isNull();
    assertThat(b.calendar(86_400_000L)).as("UTC midnight is the epoch grid").isFalse();
  }

  @Test
  void valuesAreParsed(Vertx vertx) {
    BatcherSettings b = load(vertx, "batcher.empty=flat", "batcher.timezone=America/New_York",
        "batcher.session_start=17:00", "batcher.intervals=[1m, 1h, 1d, 2d]", "features.base_interval=1m",
        "batcher.info_bars=[volume:5@BTC-*, dollar:1e6, tick:100]");
    assertThat(b.shapes().empty()).isEqualTo(EmptyPolicy.FLAT);
    assertThat(load(vertx, "batcher.empty=flat", "batcher.empty_intervals=[1m]").shapes().emptyFor(60_000))
        .isEqualTo(EmptyPolicy.FLAT);
    assertThat(load(vertx, "batcher.empty=flat", "batcher.empty_intervals=[1m]").shapes().emptyFor(1_000))
        .isEqualTo(EmptyPolicy.SKIP);
    assertThat(b.shapes().timezone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(b.shapes().sessionStart()).isEqualTo(LocalTime.of(17, 0));
    assertThat(b.intervalsMillis()).containsExactly(60_000L, 3_600_000L, 86_400_000L, 172_800_000L);
    assertThat(b.calendar(60_000)).as("under an hour: the epoch").isFalse();
    assertThat(b.calendar(3_600_000L)).isTrue();
    assertThat(b.shapes().infoBars()).extracting(InfoBarSpec::kind)
        .containsExactly(InfoBar.Kind.VOLUME, InfoBar.Kind.DOLLAR, InfoBar.Kind.TICK);
    assertThat(b.shapes().infoBars().get(0).appliesTo("BTC-USD")).isTrue();
    assertThat(b.shapes().infoBars().get(0).appliesTo("ETH-USD")).isFalse();
    assertThat(b.shapes().infoBars().get(1).appliesTo("anything")).isTrue();
  }

  @Test
  void aSessionStartWrittenUnquotedIsTheSameTime(Vertx vertx) {
    assertThat(load(vertx, "batcher.session_start=09:30").shapes().sessionStart()).isEqualTo(LocalTime.of(9, 30));
    assertThat(load(vertx, "batcher.session_start='09:30'").shapes().sessionStart()).isEqualTo(LocalTime.of(9, 30));
  }

  @Test
  void badValuesNameTheirKeyAndValue(Vertx vertx) {
    assertThatThrownBy(() -> load(vertx, "batcher.empty=prev")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("batcher.empty").hasMessageContaining("prev");
    assertThatThrownBy(() -> load(vertx, "batcher.timezone=Mars/Olympus")).hasMessageContaining("batcher.timezone")
        .hasMessageContaining("Mars/Olympus");
    // Unquoted, YAML reads 25:00 as the base-60 number 1500 and 09:30:15 as 34215: both out of a day's minutes.
    assertThatThrownBy(() -> load(vertx, "batcher.session_start=25:00"))
        .hasMessageContaining("batcher.session_start").hasMessageContaining("1500");
    assertThatThrownBy(() -> load(vertx, "batcher.session_start=09:30:15"))
        .hasMessageContaining("whole minutes");
    assertThatThrownBy(() -> load(vertx, "batcher.session_start='25:00'"))
        .hasMessageContaining("batcher.session_start").hasMessageContaining("25:00");
    assertThatThrownBy(() -> load(vertx, "batcher.session_start=dawn")).hasMessageContaining("dawn");
    assertThatThrownBy(() -> load(vertx, "batcher.intervals=[7h]")).hasMessageContaining("batcher.intervals");
    assertThatThrownBy(() -> load(vertx, "batcher.empty_max_ms=-1")).hasMessageContaining("batcher.empty_max_ms");
    for (String bad : List.of("volume", "price:5", "volume:-1", "volume:0", "tick:2.5", "volume:NaN", "dollar:1e400",
        "volume:5@", "tick:abc")) {
      assertThatThrownBy(() -> load(vertx, "batcher.info_bars=[" + bad + "]")).as(bad)
          .isInstanceOf(ConfigException.class).hasMessageContaining("batcher.info_bars");
    }
    assertThatThrownBy(() -> load(vertx, "batcher.empty_intervals=[5m]")).hasMessageContaining("batcher.empty_intervals")
        .hasMessageContaining("5m");
    assertThatThrownBy(() -> load(vertx, "batcher.info_max_pending=0"))
        .hasMessageContaining("batcher.info_max_pending");
  }
}

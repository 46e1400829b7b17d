package io.tickwire.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The v1 form of the bar shapes: filled bars, calendar ends, and what a reader refuses. */
class BarShapesJsonTest {
  private static final long T0 = IsoTime.parse("2024-11-03T04:00:00Z"); // midnight in New York, a 25-hour day
  private static final long HOUR = 3_600_000_000L;

  @Test
  void filledAndCalendarBarsRoundTripAndBarsWithTradesKeepTheirShape() {
    Bar none = new Bar("v", "S", 1000, T0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, 0, 0,
        T0 + 1_000_000, true);
    String json = V1Json.toJson(none);
    assertThat(json).contains("\"open\":null").contains("\"filled\":true");
    Bar back = V1Json.readBar(json);
    assertThat(back.filled()).isTrue();
    assertThat(back.open()).isNaN();

    Bar day = new Bar("v", "S", 86_400_000L, T0, 1, 2, 0.5, 1.5, 3, 1.2, 4, 0, T0 + 25 * HOUR, false);
    assertThat(V1Json.readBar(V1Json.toJson(day))).isEqualTo(day);
    Bar lastOfDay = new Bar("v", "S", 4 * 3_600_000L, T0 + 24 * HOUR, 1, 2, 0.5, 1.5, 3, 1.2, 4, 0, T0 + 25 * HOUR,
        false); // the one-hour last 4h window of the 25-hour day
    assertThat(V1Json.readBar(V1Json.toJson(lastOfDay))).isEqualTo(lastOfDay);

    Bar plain = new Bar("v", "S", 1000, T0, 1, 2, 0.5, 1.5, 3, 1.2, 4, 0);
    assertThat(V1Json.toJson(plain)).doesNotContain("filled");
  }

  @Test
  void anEndThatNoWindowCouldHaveIsRefusedNamingIt() {
    String second = V1Json.toJson(new Bar("v", "S", 1000, T0, 1, 2, 0.5, 1.5, 3, 1.2, 4, 0));
    assertThatThrownBy(() -> V1Json.readBar(second.replace("\"end\":\"2024-11-03T04:00:01.000000Z\"",
        "\"end\":\"2024-11-03T04:00:02.000000Z\""))).hasMessageContaining("end");
    String day = V1Json.toJson(new Bar("v", "S", 86_400_000L, T0, 1, 2, 0.5, 1.5, 3, 1.2, 4, 0));
    assertThatThrownBy(() -> V1Json.readBar(day.replace("\"end\":\"2024-11-04T04:00:00.000000Z\"",
        "\"end\":\"2024-11-04T06:00:00.000000Z\""))).as("two hours past a day").hasMessageContaining("end");
    assertThatThrownBy(() -> V1Json.readBar(day.replace("\"end\":\"2024-11-04T04:00:00.000000Z\"",
        "\"end\":\"2024-11-03T04:00:00.000000Z\""))).as("no later than its start").hasMessageContaining("end");
  }
}

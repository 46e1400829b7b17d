package io.tickwire.recorder;

import static io.tickwire.recorder.Recorded.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentIdsTest {
  @Test
  void isTheUtcSecondOfTheTriggerAndEightLowercaseHexDigits() {
    assertThat(IncidentIds.of(T0 + 999_999, 0x1f3a9c0e)).isEqualTo("20240501T120000Z_1f3a9c0e");
    assertThat(IncidentIds.of(T0, -1)).isEqualTo("20240501T120000Z_ffffffff");
    assertThat(IncidentIds.of(T0, 0)).isEqualTo("20240501T120000Z_00000000");
    assertThat(IncidentIds.isValid(IncidentIds.of(T0, 12345))).isTrue();
  }

  @Test
  void sortsByTimeWhateverTheSuffix() {
    List<String> ids = new ArrayList<>(List.of(IncidentIds.of(T0 + 86_400_000_000L, 0),
        IncidentIds.of(T0 + 1_000_000, 0xffffffff), IncidentIds.of(T0, 0x7fffffff)));
    ids.sort(null);
    assertThat(ids).containsExactly("20240501T120000Z_7fffffff", "20240501T120001Z_ffffffff",
        "20240502T120000Z_00000000");
  }

  @Test
  void rejectsAnythingElseNamingIt() {
    assertThat(IncidentIds.isValid(null)).isFalse();
    assertThat(IncidentIds.isValid("20240501T120000Z_1f3a9c0")).isFalse();
    assertThat(IncidentIds.isValid("20240501T120000Z_1f3a9c0e0")).isFalse();
    assertThat(IncidentIds.isValid("20240501T120000_1f3a9c0e")).isFalse();
    assertThatThrownBy(() -> IncidentIds.requireValid("../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../etc/passwd'");
  }
}

package io.tickwire.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExternalToolTest {
  @Test
  void aMissingProgramFailsTheBuildInCiOrWhenAskedFor() {
    assertThat(ExternalTool.required("true", null)).isTrue();
    assertThat(ExternalTool.required("TRUE", null)).isTrue();
    assertThat(ExternalTool.required(null, "true")).isTrue();
    assertThat(ExternalTool.required("false", "true")).isTrue();
  }

  @Test
  void aMissingProgramIsSkippedOnADevelopersMachine() {
    assertThat(ExternalTool.required(null, null)).isFalse();
    assertThat(ExternalTool.required("false", null)).isFalse();
    assertThat(ExternalTool.required("", "false")).isFalse();
  }

  @Test
  void eachProgramIsNamedWithTheDebianPackageThatInstallsIt() {
    assertThat(ExternalTool.CHROMEDRIVER.path()).hasToString("/usr/bin/chromedriver");
    assertThat(ExternalTool.PROMTOOL.path()).hasToString("/usr/bin/promtool");
  }
}

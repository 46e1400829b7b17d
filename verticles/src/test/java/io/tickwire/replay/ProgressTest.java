package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  /** Due at every frame, so each call prints and the lines can be read one by one. */
  private final Progress everyFrame = new Progress("replay", new PrintStream(printed, true, StandardCharsets.UTF_8),
      0);

  private String lines() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLineTellsFramesRateAndTheShareOfTheFileReadOnDisk() {
    AtomicLong read = new AtomicLong(250);
    Progress progress = everyFrame.reading(read::get, 1_000);
    progress.sent(40);
    read.set(1_000);
    progress.sent(40);
    assertThat(lines().lines()).hasSize(2).allMatch(line -> line.startsWith("replay: "))
        .allMatch(line -> line.contains(" events/s"));
    assertThat(lines().lines().toList().get(0)).contains("1 frames").endsWith(", 25% of the file read");
    assertThat(lines().lines().toList().get(1)).contains("2 frames").endsWith(", 100% of the file read");
  }

  @Test
  void withoutAFileOrWithAnEmptyOneNoShareIsTold() {
    everyFrame.sent(10);
    everyFrame.reading(() -> 0, 0).sent(10);
    assertThat(lines().lines()).hasSize(2).noneMatch(line -> line.contains("of the file"));
  }

  @Test
  void countingNamesWhatIsCountedAndWhatIsDoneWithIt() {
    everyFrame.counting("trades", "written").sent(280);
    assertThat(lines()).startsWith("replay: 1 trades (0.0 MB) written in ");
  }
}

package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming injector against the list one, and what it holds while it streams. */
class ChaosStreamTest {
  private static List<String> drain(ChaosStream stream) {
    List<String> all = new ArrayList<>();
    stream.forEachRemaining(all::add);
    return all;
  }

  private static final List<ChaosSettings> SETTINGS = List.of(new ChaosSettings(0.05, 16, 0.03, 0.02, 4),
      new ChaosSettings(0.1, 0, 0.1, 0.1, 5), ChaosSettings.none(6), new ChaosSettings(0.02, 1_000, 0, 0, 7));

  /**
   * Line count, SHA-256 of the lines (each ending in a newline) and injected counts that the injector gave for
   * {@link #input()} and {@link #SETTINGS} when it still built its whole output in a list: a replay recorded
   * then must fault the same way now.
   */
  private static final List<String> BEFORE_STREAMING = List.of(
      "36910 0057f00a10495129451d904e9c0730f027bbe65aac6745af3cf27fb83bcc6572 "
          + "{\"duplicate\":1580,\"schema_drift\":1014,\"schema_drift_by_kind\":{\"added_key\":336,"
          + "\"missing_key\":353,\"changed_type\":325},\"sequence_gap\":1510,\"dropped\":671,"
          + "\"out_of_order\":18346}",
      "35973 98a042bc039cc810b5cad056736a0b7229e668692ec6fcd9989d9e6b2deac5e6 "
          + "{\"duplicate\":3194,\"schema_drift\":3561,\"schema_drift_by_kind\":{\"added_key\":1200,"
          + "\"missing_key\":1176,\"changed_type\":1185},\"sequence_gap\":5112,\"dropped\":3222,"
          + "\"out_of_order\":0}",
      "36001 dd8579fb63c4bddcfe3c0b046e15f96b9977da0237f240830f37cd581c1daa53 "
          + "{\"duplicate\":0,\"schema_drift\":0,\"schema_drift_by_kind\":{\"added_key\":0,"
          + "\"missing_key\":0,\"changed_type\":0},\"sequence_gap\":0,\"dropped\":0,"
          + "\"out_of_order\":0}",
      "36648 b6ceda710c451e963565e17da3df9d6f0967c26c3d3d215d8a00f4be58aad782 "
          + "{\"duplicate\":647,\"schema_drift\":0,\"schema_drift_by_kind\":{\"added_key\":0,"
          + "\"missing_key\":0,\"changed_type\":0},\"sequence_gap\":0,\"dropped\":0,"
          + "\"out_of_order\":33606}");

  /** Trades, then every event kind, with a blank line and a line that is no JSON among them. */
  private static List<String> input() {
    List<String> input = new ArrayList<>(StreamLines.trades(30_000, 21));
    input.addAll(StreamLines.mixed(6_000));
    input.add(1_000, "");
    input.add(2_000, "not json");
    return input;
  }

  private static String digest(List<String> lines, Injected injected) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String line : lines) {
      sha.update(line.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return lines.size() + " " + HexFormat.of().formatHex(sha.digest()) + " " + injected.toJson().encode();
  }

  @Test
  void theStreamGivesTheListPathsLinesAndCountsAndBothGiveWhatTheInjectorGaveBeforeItStreamed() throws Exception {
    List<String> input = input();
    for (int i = 0; i < SETTINGS.size(); i++) {
      ChaosSettings settings = SETTINGS.get(i);
      ChaosResult listed = new ChaosInjector(settings).inject(input);
      ChaosStream stream = new ChaosInjector(settings).stream(input.iterator());
      List<String> streamed = drain(stream);
      assertThat(streamed).as("%s", settings).isEqualTo(listed.lines());
      assertThat(stream.injected()).as("%s", settings).isEqualTo(listed.injected());
      assertThat(digest(streamed, stream.injected())).as("%s", settings).isEqualTo(BEFORE_STREAMING.get(i));
    }
  }

  @Test
  void theInputIsReadOnlyAsFarAsTheOutputNeeds() {
    int window = 50;
    Counting input = new Counting(StreamLines.trades(10_000, 2).iterator());
    ChaosStream stream = new ChaosInjector(new ChaosSettings(0.1, window, 0.05, 0.05, 3)).stream(input);
    for (int i = 0; i < 5_000; i++) {
      stream.next();
      // a dropped line yields nothing, so a few more may be read; a whole window plus a handful is the most
      assertThat(input.taken).isLessThanOrEqualTo(i + 1 + window + 20);
    }
  }

  @Test
  void theCountsAreRefusedUntilTheStreamIsExhausted() {
    ChaosStream stream = new ChaosInjector(new ChaosSettings(0.1, 4, 0, 0, 1))
        .stream(StreamLines.trades(100, 1).iterator());
    stream.next();
    assertThatThrownBy(stream::injected).isInstanceOf(IllegalStateException.class);
    drain(stream);
    assertThat(stream.injected().duplicates()).isPositive();
  }

  @Test
  void aRepeatFarBehindItsFirstSendingIsTakenForANewTradeAsTheRoutersMemoryTakesIt() {
    List<String> input = new ArrayList<>(StreamLines.trades(60_000, 8));
    String first = input.get(0);
    input.add(input.get(59_999)); // a near repeat: the router drops it as a duplicate, out of order or not
    input.add(first); // older than the 50,000 trades the router remembers: it reaches the order check
    ChaosStream stream = new ChaosInjector(ChaosSettings.none(1)).stream(input.iterator());
    drain(stream);
    assertThat(stream.injected().outOfOrder()).isEqualTo(1);
  }

  /** An input that counts how many lines have been taken from it. */
  private static final class Counting implements Iterator<String> {
    private final Iterator<String> lines;
    private int taken;

    Counting(Iterator<String> lines) {
      this.lines = lines;
    }

    @Override
    public boolean hasNext() {
      return lines.hasNext();
    }

    @Override
    public String next() {
      taken++;
      return lines.next();
    }
  }
}

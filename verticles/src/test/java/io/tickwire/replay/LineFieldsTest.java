package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Faults are spliced into the text: whatever a fault does not touch stays exactly as written. */
class LineFieldsTest {
  private static final String LINE = "{\"a\":1,\"b\":\"x\\\"y\",\"c\":[1,[2]],\"d\":{\"e\":0.000000123},\"f\":null}";

  @Test
  void removingAFieldTakesItsCommaWhereverItSits() {
    LineFields fields = LineFields.parse(LINE).orElseThrow();
    assertThat(fields.without("a")).isEqualTo("{\"b\":\"x\\\"y\",\"c\":[1,[2]],\"d\":{\"e\":0.000000123},\"f\":null}");
    assertThat(fields.without("c")).isEqualTo("{\"a\":1,\"b\":\"x\\\"y\",\"d\":{\"e\":0.000000123},\"f\":null}");
    assertThat(fields.without("f")).isEqualTo("{\"a\":1,\"b\":\"x\\\"y\",\"c\":[1,[2]],\"d\":{\"e\":0.000000123}}");
    assertThat(fields.without("zz")).isEqualTo(LINE);
    assertThat(LineFields.parse("{\"only\":true}").orElseThrow().without("only")).isEqualTo("{}");
  }

  @Test
  void replacingAndAddingLeaveTheRestByteForByte() {
    LineFields fields = LineFields.parse(LINE).orElseThrow();
    assertThat(fields.replacing("d", "true")).isEqualTo("{\"a\":1,\"b\":\"x\\\"y\",\"c\":[1,[2]],\"d\":true,\"f\":null}");
    assertThat(fields.replacing("b", "7")).isEqualTo("{\"a\":1,\"b\":7,\"c\":[1,[2]],\"d\":{\"e\":0.000000123},\"f\":null}");
    assertThat(fields.adding("g", "[]")).isEqualTo(LINE.substring(0, LINE.length() - 1) + ",\"g\":[]}");
    assertThat(LineFields.parse("{ }").orElseThrow().adding("g", "1")).isEqualTo("{ \"g\":1}");
  }

  @Test
  void spacingAroundFieldsIsKeptAndValuesAreReadAsWritten() {
    String spaced = "{ \"a\" : 1 , \"b\" : \"two\" }";
    LineFields fields = LineFields.parse(spaced).orElseThrow();
    assertThat(fields.without("a")).isEqualTo("{ \"b\" : \"two\" }");
    assertThat(fields.without("b")).isEqualTo("{ \"a\" : 1 }");
    assertThat(fields.scalar("b")).isEqualTo("two");
    assertThat(fields.scalar("a")).isEqualTo("1");
    assertThat(LineFields.parse(LINE).orElseThrow().scalar("c")).as("not a scalar").isNull();
    assertThat(LineFields.parse(LINE).orElseThrow().raw("d")).isEqualTo("{\"e\":0.000000123}");
    assertThat(LineFields.parse(LINE).orElseThrow().scalar("b")).isEqualTo("x\"y");
  }

  @Test
  void whatIsNotExactlyOneObjectIsNotParsed() {
    assertThat(LineFields.parse("[1,2]")).isEmpty();
    assertThat(LineFields.parse("{\"a\":1} {}")).isEmpty();
    assertThat(LineFields.parse("{\"a\":")).isEmpty();
    assertThat(LineFields.parse("{\"a\":1,\"a\":2}")).isEmpty();
    assertThat(LineFields.parse("not json")).isEmpty();
  }

  @Test
  void quotingEscapesWhatJsonRequires() {
    assertThat(LineFields.quoted("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
  }
}

package io.tickwire.cli;

import io.tickwire.codecs.IsoTime;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Prints a SQL result as JSON lines (one object per row, streamed) or as an aligned text table. */
final class RowPrinter {
  enum Format {
    json, table
  }

  private RowPrinter() {
  }

  /** Prints every row; returns how many. */
  static long print(ResultSet rows, Format format, PrintWriter out) throws SQLException {
    return format == Format.json ? jsonLines(rows, out) : table(rows, out);
  }

  private static long jsonLines(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    long n = 0;
    while (rows.next()) {
      JsonObject row = new JsonObject();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        row.put(meta.getColumnLabel(i), jsonValue(rows.getObject(i)));
      }
      out.println(row.encode());
      n++;
    }
    out.flush();
    return n;
  }

  /** Numbers, text and booleans as themselves; times as ISO-8601 UTC like the v1 contract; anything else as text. */
  static Object jsonValue(Object value) {
    if (value instanceof java.math.BigDecimal decimal) {
      // DECIMAL(38,18) columns: the value, not eighteen places of padding.
      return new java.math.BigDecimal(decimal.stripTrailingZeros().toPlainString());
    }
    if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof OffsetDateTime time) {
      return IsoTime.format(IsoTime.epochMicros(time));
    }
    return value.toString();
  }

  private static long table(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    List<String[]> cells = new ArrayList<>();
    String[] header = new String[columns];
    for (int i = 0; i < columns; i++) {
      header[i] = meta.getColumnLabel(i + 1);
    }
    cells.add(header);
    while (rows.next()) {
      String[] row = new String[columns];
      for (int i = 0; i < columns; i++) {
        row[i] = String.valueOf(jsonValue(rows.getObject(i + 1)));
      }
      cells.add(row);
    }
    int[] widths = new int[columns];
    for (String[] row : cells) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
    return cells.size() - 1L;
  }
}

package io.tickwire.connector.venue;

/**
 * What a session has seen, for /health, metrics and {@code replay --summary json}. The session counts what only it
 * can know (checksums, gaps, resyncs, parse errors, drift); whoever drives it counts frames and the events that
 * came out ({@link CountingOutput}). Confined to the session's thread; read elsewhere only as a snapshot.
 */
public final class SessionStats {
  private long frames;
  private long trades;
  private long quotes;
  private long bookUpdates;
  private long optionTickers;
  private long markFunding;
  private long volatilityIndex;
  private long continuous;
  private long heartbeats;
  private long gapMarkers;
  private long checksumOk;
  private long checksumFailed;
  private long gaps;
  private long resyncs;
  private long parseErrors;
  private long schemaDrift;
  private String lastError = "";

  public void addFrame() {
    frames++;
  }

  public void addTrade() {
    trades++;
  }

  public void addQuote() {
    quotes++;
  }

  public void addBookUpdate() {
    bookUpdates++;
  }

  public void addOptionTicker() {
    optionTickers++;
  }

  public void addMarkFunding() {
    markFunding++;
  }

  public void addVolatilityIndex() {
    volatilityIndex++;
  }

  /** A book update whose sequence ids continued its book's (Deribit's change ids, Binance futures' {@code pu}). */
  public void addContinuous() {
    continuous++;
  }

  /** A venue heartbeat answered (Deribit's {@code test_request}). */
  public void addHeartbeat() {
    heartbeats++;
  }

  public void addGapMarker() {
    gapMarkers++;
  }

  public void addChecksumOk() {
    checksumOk++;
  }

  public void addChecksumFailed() {
    checksumFailed++;
  }

  /** A hole in a sequence (update ids, sequence numbers, trade ids) or a lost connection. */
  public void addGap() {
    gaps++;
  }

  /** A book thrown away and rebuilt (resubscribed or re-snapshotted). */
  public void addResync() {
    resyncs++;
  }

  public void addParseError(String why) {
    parseErrors++;
    lastError = why;
  }

  public void addSchemaDrift(String why) {
    schemaDrift++;
    lastError = why;
  }

  public long frames() {
    return frames;
  }

  public long trades() {
    return trades;
  }

  public long quotes() {
    return quotes;
  }

  public long bookUpdates() {
    return bookUpdates;
  }

  public long optionTickers() {
    return optionTickers;
  }

  public long markFunding() {
    return markFunding;
  }

  public long volatilityIndex() {
    return volatilityIndex;
  }

  public long continuous() {
    return continuous;
  }

  public long heartbeats() {
    return heartbeats;
  }

  public long gapMarkers() {
    return gapMarkers;
  }

  public long checksumOk() {
    return checksumOk;
  }

  public long checksumFailed() {
    return checksumFailed;
  }

  public long gaps() {
    return gaps;
  }

  public long resyncs() {
    return resyncs;
  }

  public long parseErrors() {
    return parseErrors;
  }

  public long schemaDrift() {
    return schemaDrift;
  }

  public String lastError() {
    return lastError;
  }
}

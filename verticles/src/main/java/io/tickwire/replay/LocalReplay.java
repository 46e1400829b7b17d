package io.tickwire.replay;

import java.util.Iterator;

/**
 * Runs the pipeline in-process on lines that would otherwise be sent to a node ({@code tickwire replay --local}),
 * returning once everything has gone through.
 */
@FunctionalInterface
public interface LocalReplay {
  /**
   * Feeds {@code lines} (v1 JSON events, faults already injected, in send order) through an in-process pipeline
   * and summarises what it made of them. {@code lines} is read to its end, once, as the sending goes: it may be
   * longer than memory.
   */
  ReplaySummary run(Iterator<String> lines) throws Exception;

  /** The same for frames taken as they are, such as a file's lines sent with no faults injected. */
  default ReplaySummary run(Payloads frames) throws Exception {
    return run(Payloads.lines(frames));
  }
}

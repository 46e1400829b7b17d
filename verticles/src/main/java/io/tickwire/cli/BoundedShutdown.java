package io.tickwire.cli;

import io.tickwire.node.Node;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Stops a node in bounded time, whatever its stages, its database or its cluster do. The stages get
 * {@code shutdown.timeout_ms} to drain; the steps after the drain (closing the database, stopping the embedded
 * servers, closing Vert.x: its last verticles, its HTTP servers and the Hazelcast membership) share
 * {@link #CLOSE_ALLOWANCE_MS}; and a watchdog ends the process {@link #BOUND_MARGIN_MS} after the timeout whatever is
 * still running. So a node exits within the timeout + 30 s.
 *
 * <p>A stop that could not drain, or a step that did not end in time, exits with {@link #EXIT_NOT_DRAINED} (data may
 * be lost: an orchestrator or operator should know), through {@link Runtime#halt} once the logs are flushed: a
 * stuck non-daemon thread, or a shutdown hook waiting on one, would otherwise keep the JVM alive.
 */
final class BoundedShutdown {
  /** The stages did not drain in time, or a step after them did not end: the stop was forced. */
  static final int EXIT_NOT_DRAINED = 70;
  /** What the steps after the drain may take together. */
  static final long CLOSE_ALLOWANCE_MS = 20_000;
  /** Past the timeout by this much the watchdog halts: under the documented 30 s, leaving the JVM time to go. */
  static final long BOUND_MARGIN_MS = 28_000;

  private static final System.Logger LOG = System.getLogger(BoundedShutdown.class.getName());

  /** How the process ends when the stop is forced; tests record it instead. */
  interface Halt {
    void halt(int status);
  }

  private final long timeoutMs;
  private final long closeAllowanceMs;
  private final long boundMarginMs;
  private final Halt halt;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile String step = "stopping";
  private volatile boolean drained = true;
  private volatile Supplier<List<String>> pendingStages = List::of;
  private long closeDeadlineNanos = -1;
  private Thread watchdog;

  BoundedShutdown(long timeoutMs) {
    this(timeoutMs, CLOSE_ALLOWANCE_MS, BOUND_MARGIN_MS, BoundedShutdown::flushAndHalt);
  }

  /** Shorter allowances and a recorded halt, for tests. */
  BoundedShutdown(long timeoutMs, long closeAllowanceMs, long boundMarginMs, Halt halt) {
    this.timeoutMs = timeoutMs;
    this.closeAllowanceMs = closeAllowanceMs;
    this.boundMarginMs = boundMarginMs;
    this.halt = halt;
  }

  /**
   * Stops the node, its stages draining within the timeout. When they do not, says which are still stopping, then
   * closes the database and stops the embedded servers anyway (so no embedded PostgreSQL outlives tickwire), and the
   * process will exit {@link #EXIT_NOT_DRAINED} once {@link #close} is done.
   *
   * @return whether the stages drained
   */
  boolean drain(Node node) throws Exception {
    armWatchdog();
    pendingStages = node::pendingStages;
    step = "draining the stages";
    try {
      await(node.stop(), timeoutMs);
      LOG.log(System.Logger.Level.INFO, "stopped cleanly");
      return true;
    } catch (TimeoutException e) {
      drained = false;
      LOG.log(System.Logger.Level.ERROR, "stages did not drain within {0,number,#} ms; still stopping: {1};"
          + " stopping anyway", timeoutMs, node.pendingStages());
      releaseServers(node);
      return false;
    }
  }

  private void releaseServers(Node node) throws Exception {
    step = "closing the database and stopping the embedded servers";
    try {
      await(node.releaseServers(), closeRemainingMs());
    } catch (TimeoutException e) {
      forced("closing the database and stopping the embedded servers did not end in time");
    }
  }

  /**
   * Closes Vert.x within what is left of the allowance: it undeploys what still runs, closes its servers and leaves
   * the cluster. The last step of a stop: a stop that did not drain ends the process here.
   */
  void close(Vertx vertx) throws Exception {
    armWatchdog();
    step = "closing Vert.x";
    try {
      await(vertx.close(), closeRemainingMs());
    } catch (TimeoutException e) {
      forced("Vert.x did not close in time; stages not yet stopped: " + pendingStages.get() + ", "
          + vertx.deploymentIDs().size() + " deployments left (with none, it is leaving the cluster or closing its"
          + " servers)");
      return;
    } catch (ExecutionException e) {
      // Closed all the same, as far as this process goes: nothing is left to wait for.
      LOG.log(System.Logger.Level.WARNING, "closing Vert.x failed: {0}", String.valueOf(e.getCause()));
    }
    if (!drained) {
      forced("the stages did not drain");
      return;
    }
    disarmWatchdog();
    closed.countDown();
  }

  /**
   * For the shutdown hook of a SIGTERM: holds the JVM's exit until the stop is done (or forced), so the stop is not
   * cut short; bounded like the stop itself.
   */
  void awaitClosed() {
    try {
      closed.await(timeoutMs + boundMarginMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The allowance of the steps after the drain starts with the first of them. */
  private synchronized long closeRemainingMs() {
    if (closeDeadlineNanos < 0) {
      closeDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(closeAllowanceMs);
    }
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(closeDeadlineNanos - System.nanoTime()));
  }

  /** A daemon, so a clean stop never waits for it; it only ever acts on a stop that overran every other bound. */
  private synchronized void armWatchdog() {
    if (watchdog != null) {
      return;
    }
    long bound = timeoutMs + boundMarginMs;
    watchdog = new Thread(() -> {
      try {
        Thread.sleep(bound);
      } catch (InterruptedException e) {
        return;
      }
      forced("the stop overran its bound of " + bound + " ms while " + step + "; still stopping: "
          + pendingStages.get());
    }, "tickwire-stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private synchronized void disarmWatchdog() {
    if (watchdog != null) {
      watchdog.interrupt();
    }
  }

  private void forced(String why) {
    LOG.log(System.Logger.Level.ERROR, "{0}; exiting {1}", why, EXIT_NOT_DRAINED);
    halt.halt(EXIT_NOT_DRAINED);
  }

  private static <T> void await(Future<T> future, long timeoutMs) throws Exception {
    future.toCompletionStage().toCompletableFuture().get(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** Halting skips the log manager's own flush, so the reason the process ends is flushed first. */
  private static void flushAndHalt(int status) {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.flush();
    }
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(status);
  }
}

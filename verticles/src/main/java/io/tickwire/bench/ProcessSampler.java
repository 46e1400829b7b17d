package io.tickwire.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's memory and garbage collection, sampled while the bench runs: the most heap in use at any sample
 * (garbage included: what the heap had to hold), the live heap after the latest collection (what the pipeline's state
 * takes), resident memory (from {@code /proc}, Linux only) and the time spent collecting.
 */
final class ProcessSampler {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final double MB = 1024.0 * 1024.0;

  private long maxHeapUsed;
  private long maxLiveAfterGc;

  /** Takes one sample; call it periodically (every few hundred ms). */
  synchronized void sample() {
    long used = 0;
    long afterGc = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
        afterGc += pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed();
      }
    }
    maxHeapUsed = Math.max(maxHeapUsed, used);
    maxLiveAfterGc = Math.max(maxLiveAfterGc, afterGc);
  }

  /** Forgets the samples so far: the warm-up's heap is not the measured run's. */
  synchronized void reset() {
    maxHeapUsed = 0;
    maxLiveAfterGc = 0;
  }

  synchronized double maxHeapUsedMb() {
    return maxHeapUsed / MB;
  }

  synchronized double maxLiveHeapAfterGcMb() {
    return maxLiveAfterGc / MB;
  }

  /** Milliseconds spent in garbage collection since the JVM started, over every collector. */
  static long gcTimeMs() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  static long gcCount() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionCount());
    }
    return total;
  }

  /** Resident set now and at its peak, in MB; -1 where /proc is not there. */
  static double rssMb() {
    return statusKb("VmRSS:") / 1024.0;
  }

  static double peakRssMb() {
    return statusKb("VmHWM:") / 1024.0;
  }

  private static long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or /proc unreadable: say so with -1 rather than fail the bench
    }
    return -1024;
  }
}

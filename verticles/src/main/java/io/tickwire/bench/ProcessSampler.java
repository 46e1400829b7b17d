package io.tickwire.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The process's memory and garbage collection while the bench runs: the most heap in use at any sample (garbage
 * included: what the heap had to hold), the most heap still in use right after a collection (young ones included:
 * an upper bound of what the pipeline's state takes, as old garbage may not have been collected yet), resident
 * memory (from {@code /proc}, Linux only) and the time spent collecting.
 */
final class ProcessSampler implements NotificationListener {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final double MB = 1024.0 * 1024.0;

  private long maxHeapUsed;
  private long maxAfterGc;

  /** Listens to every collector's notifications until {@link #close}. */
  ProcessSampler() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(this, null, null);
      }
    }
  }

  void close() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(this);
        } catch (ListenerNotFoundException e) {
          // never added: nothing to remove
        }
      }
    }
  }

  /** Takes one sample of the heap in use; call it periodically (every few hundred ms). */
  synchronized void sample() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    maxHeapUsed = Math.max(maxHeapUsed, used);
  }

  /** After each collection that frees memory: the heap still in use, over every heap pool. */
  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo collection =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    if (collection.getGcName().contains("Concurrent")) {
      return; // G1's concurrent phases (remark, cleanup) free nothing by themselves: their "after" is just "now"
    }
    GcInfo info = collection.getGcInfo();
    long afterGc = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage usage = pool.getType() == MemoryType.HEAP ? info.getMemoryUsageAfterGc().get(pool.getName()) : null;
      afterGc += usage == null ? 0 : usage.getUsed();
    }
    synchronized (this) {
      maxAfterGc = Math.max(maxAfterGc, afterGc);
    }
  }

  /** Forgets the samples so far: the warm-up's heap is not the measured run's. */
  synchronized void reset() {
    maxHeapUsed = 0;
    maxAfterGc = 0;
  }

  synchronized double maxHeapUsedMb() {
    return maxHeapUsed / MB;
  }

  synchronized double maxHeapAfterGcMb() {
    return maxAfterGc / MB;
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

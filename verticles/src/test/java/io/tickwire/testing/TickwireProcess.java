package io.tickwire.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged {@code tickwire.jar} run as a separate process, as a user runs it, with its output in files. */
public final class TickwireProcess implements AutoCloseable {
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private TickwireProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** The jar the failsafe plugin names in {@code tickwire.jar}. */
  public static Path jar() {
    String path = System.getProperty("tickwire.jar");
    if (path == null || !Files.isRegularFile(Paths.get(path))) {
      throw new AssertionError("system property tickwire.jar does not name the shaded jar (" + path
          + "); run mvn verify");
    }
    return Paths.get(path);
  }

  /** Starts {@code java -jar tickwire.jar args} in {@code dir}; {@code name} prefixes its output files. */
  public static TickwireProcess start(Path dir, String name, String... args) throws IOException {
    return start(dir, name, List.of(), args);
  }

  /** As {@link #start(Path, String, String...)}, the JVM given {@code jvmOptions} (e.g. a heap limit) first. */
  public static TickwireProcess start(Path dir, String name, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve(name + ".stdout");
    Path err = dir.resolve(name + ".stderr");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    return new TickwireProcess(process, out, err);
  }

  /** Waits for the exit; fails with the process's stderr when it does not come in time. */
  public int waitFor(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tickwire did not exit within " + timeout + "; stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  public String stdout() throws IOException {
    return Files.readString(stdout);
  }

  public String stderr() throws IOException {
    return Files.readString(stderr);
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: the process gets no chance to say goodbye to its cluster (kill -9). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM without waiting: several processes can then stop at once ({@link #waitFor} each). */
  public void terminate() {
    process.destroy();
  }

  /** SIGTERM, then waits for the graceful stop; SIGKILL if it does not come. */
  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

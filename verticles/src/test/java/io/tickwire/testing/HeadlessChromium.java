package io.tickwire.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both at fixed paths ({@link ExternalTool}): naming them means Selenium
 * Manager never runs, so nothing is downloaded (this machine's network is closed to browser downloads). The browser
 * gets a fresh profile and no background networking, and its console is recorded so a test can fail on errors.
 */
public final class HeadlessChromium implements AutoCloseable {

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser whose page area is {@code width} x {@code height} CSS pixels. */
  public static HeadlessChromium start(int width, int height) throws Exception {
    Path browserPath = ExternalTool.CHROMIUM.require();
    Path driverPath = ExternalTool.CHROMEDRIVER.require();
    Path profile = Files.createTempDirectory("tickwire-chromium-");
    ChromeOptions options = new ChromeOptions().setBinary(browserPath.toFile()).addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driverPath.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    HeadlessChromium browser = new HeadlessChromium(driver, profile);
    browser.fitViewport(width, height);
    return browser;
  }

  /** Skips or fails the calling test, as {@link ExternalTool#require()} says, before anything is started for it. */
  public static void requireInstalled() {
    ExternalTool.CHROMIUM.require();
    ExternalTool.CHROMEDRIVER.require();
  }

  /** --window-size sizes the window, not the page; the difference is the browser's own chrome, added back here. */
  private void fitViewport(int width, int height) {
    Map<?, ?> inner = (Map<?, ?>) driver.executeScript("return {w: window.innerWidth, h: window.innerHeight};");
    int dw = width - ((Number) inner.get("w")).intValue();
    int dh = height - ((Number) inner.get("h")).intValue();
    if (dw != 0 || dh != 0) {
      Dimension outer = driver.manage().window().getSize();
      driver.manage().window().setSize(new Dimension(outer.getWidth() + dw, outer.getHeight() + dh));
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Evaluates {@code script} (which must {@code return} its value) in the page. */
  public Object eval(String script) {
    return driver.executeScript(script);
  }

  /** The console entries since the last call (Chromium hands each entry out once). */
  public List<LogEntry> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll();
  }

  public void screenshot(Path file) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws Exception {
    try {
      driver.quit();
    } finally {
      deleteTree(profile.toFile());
    }
  }

  private static void deleteTree(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteTree(child);
      }
    }
    file.delete();
  }
}

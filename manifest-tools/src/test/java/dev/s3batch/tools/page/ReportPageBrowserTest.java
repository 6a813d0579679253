package dev.s3batch.tools.page;

import static dev.s3batch.tools.report.TestReports.failed;
import static dev.s3batch.tools.report.TestReports.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.s3batch.tools.report.ReportRow;
import dev.s3batch.tools.report.TestReports;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's chromium and chromedriver, driven by Selenium):
 * totals and charts render, search finds a failed key, hostile keys stay inert text, and a 50 MB
 * report downloads byte for byte. Without the browser these tests fail, saying how to install it.
 */
class ReportPageBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  static final String SCRIPT_KEY = "<script>alert(1)</script>.txt";
  static final String ATTRIBUTE_KEY = "\"onmouseover=alert(1)";
  static final String IMG_KEY = "<img src=x onerror=\"window.pwned=1\">";

  @TempDir static Path dir;
  static Path downloads;
  static WebDriver browser;

  @BeforeAll
  static void browser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("the report page's browser tests need Debian's chromium and chromedriver (" + CHROMIUM + ", "
          + CHROMEDRIVER + "): install them with 'sudo apt-get install chromium chromium-driver' (mvn -B verify does it"
          + " when run as root)");
    }
    downloads = Files.createDirectories(dir.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1400", "--force-device-scale-factor=1",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(), "download.prompt_for_download", false,
        "safebrowsing.enabled", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static Path hostileReport(Path root) throws IOException {
    List<ReportRow> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(succeeded("photos/" + i + ".jpg"));
    }
    for (int i = 0; i < 120; i++) {
      rows.add(failed("missing/" + i + ".jpg", "S3 error NoSuchKey (HTTP 404, request id " + i + "): gone"));
    }
    rows.add(failed("photos/caf%C3%A9+menu.jpg", "S3 error AccessDenied (HTTP 403, request id x): Access Denied"));
    rows.add(failed("%3Cscript%3Ealert%281%29%3C%2Fscript%3E.txt", "<b>bold</b><script>window.pwned=2</script>"));
    rows.add(failed("%22onmouseover%3Dalert%281%29", "\" onmouseover=\"alert(2)"));
    rows.add(failed("%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E", "Task timed out"));
    return TestReports.write(root, "hostile", Instant.parse("2026-11-30T10:00:00Z"), rows);
  }

  private static void open(ReportPage page) {
    browser.get(page.uri().toString());
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
        "true".equals(d.findElement(By.tagName("body")).getAttribute("data-summary-loaded"))
            && d.findElement(By.tagName("body")).getAttribute("data-rows-loaded") != null);
  }

  @Test
  void page_realReport_showsTotalsAndDrawsTheCharts() throws Exception {
    try (ReportPage page = ReportPageHttpTest.serve(hostileReport(dir.resolve("charts")))) {
      open(page);

      assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("164");
      assertThat(browser.findElement(By.id("failed")).getText()).isEqualTo("124");
      assertThat(browser.findElement(By.id("succeeded")).getText()).isEqualTo("40");
      assertThat(browser.findElement(By.id("job")).getText()).isEqualTo("job-hostile");
      assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("124 failed task(s)");
      assertThat(browser.findElements(By.cssSelector("#rows tr"))).hasSize(50);
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".chart[data-rendered]")).size() == 3);

      byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(Path.of("target", "report-page.png"), png);
      BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(barPixels(shot, browser.findElement(By.id("chart-status")), 0x3465a4)).as("status bars").isGreaterThan(500);
      assertThat(barPixels(shot, browser.findElement(By.id("chart-errors")), 0x3465a4)).as("error bars").isGreaterThan(500);
      assertThat(barPixels(shot, browser.findElement(By.id("chart-classes")), 0xc0392b)).as("class bars").isGreaterThan(500);
    }
  }

  @Test
  void search_aFailedKey_showsItsRowDecoded() throws Exception {
    try (ReportPage page = ReportPageHttpTest.serve(hostileReport(dir.resolve("search")))) {
      open(page);
      String before = browser.findElement(By.tagName("body")).getAttribute("data-rows-loaded");

      browser.findElement(By.id("q")).sendKeys("café");
      browser.findElement(By.id("search-button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
          !before.equals(d.findElement(By.tagName("body")).getAttribute("data-rows-loaded")));

      List<WebElement> rows = browser.findElements(By.cssSelector("#rows tr"));
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo("photos/café menu.jpg");
      assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("1 failed task(s) match “café”");
    }
  }

  @Test
  void hostileKeys_renderAsTextAndRunNothing() throws Exception {
    try (ReportPage page = ReportPageHttpTest.serve(hostileReport(dir.resolve("hostile")))) {
      open(page);
      String before = browser.findElement(By.tagName("body")).getAttribute("data-rows-loaded");
      browser.findElement(By.id("q")).sendKeys("=");
      browser.findElement(By.id("search-button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
          !before.equals(d.findElement(By.tagName("body")).getAttribute("data-rows-loaded")));

      List<String> keys = browser.findElements(By.cssSelector("#rows tr td:nth-child(2)")).stream()
          .map(WebElement::getText).toList();
      assertThat(keys).contains(ATTRIBUTE_KEY, IMG_KEY);
      for (WebElement cell : browser.findElements(By.cssSelector("#rows td"))) {
        new Actions(browser).moveToElement(cell).perform(); // an injected onmouseover would fire now
      }
      browser.findElement(By.id("q")).clear();
      browser.findElement(By.id("q")).sendKeys("script");
      browser.findElement(By.id("search-button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("count")).getText().contains("script"));
      assertThat(browser.findElement(By.cssSelector("#rows tr td:nth-child(2)")).getText()).isEqualTo(SCRIPT_KEY);
      assertThat(browser.findElement(By.cssSelector("#rows tr td:nth-child(6)")).getText())
          .isEqualTo("<b>bold</b><script>window.pwned=2</script>");

      JavascriptExecutor js = (JavascriptExecutor) browser;
      assertThat(js.executeScript("return typeof window.pwned")).isEqualTo("undefined");
      assertThat(js.executeScript("return document.querySelectorAll('#rows script, #rows img, #rows b').length"))
          .isEqualTo(0L);
      assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
  }

  @Test
  void download_50MbReport_arrivesByteForByte() throws Exception {
    Path job = GeneratedReports.write(dir.resolve("big"), "big", 30_000_000, 20_000_000, 2);
    String expected = md5OfResults(job);
    try (ReportPage page = ReportPageHttpTest.serve(job)) {
      open(page);

      browser.findElement(By.id("download-results")).click();
      Path file = downloads.resolve("job-big-results.csv");
      new WebDriverWait(browser, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(200)).until(d ->
          Files.exists(file) && !Files.exists(downloads.resolve("job-big-results.csv.crdownload")));

      assertThat(Files.size(file)).isGreaterThanOrEqualTo(50_000_000);
      assertThat(md5(Files.newInputStream(file))).isEqualTo(expected);
    }
  }

  /** How many pixels of {@code element}'s area on the screenshot have the bar colour (give or take anti-aliasing). */
  private static int barPixels(BufferedImage shot, WebElement element, int rgb) {
    Rectangle r = element.getRect();
    int n = 0;
    for (int y = Math.max(0, r.y); y < Math.min(shot.getHeight(), r.y + r.height); y++) {
      for (int x = Math.max(0, r.x); x < Math.min(shot.getWidth(), r.x + r.width); x++) {
        int p = shot.getRGB(x, y);
        if (close(p >> 16, rgb >> 16) && close(p >> 8, rgb >> 8) && close(p, rgb)) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean close(int a, int b) {
    return Math.abs((a & 0xff) - (b & 0xff)) <= 6;
  }

  private static String md5OfResults(Path job) throws Exception {
    MessageDigest md5 = GeneratedReports.md5();
    md5.update(GeneratedReports.merged(job, false));
    return HexFormat.of().formatHex(md5.digest());
  }

  private static String md5(InputStream source) throws Exception {
    try (DigestInputStream in = new DigestInputStream(source, GeneratedReports.md5())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    }
  }
}

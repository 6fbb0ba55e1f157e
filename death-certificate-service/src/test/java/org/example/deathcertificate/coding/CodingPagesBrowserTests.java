package org.example.deathcertificate.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.example.deathcertificate.export.ExportFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The coders' pages in a real headless Chromium under their Content-Security-Policy: a coder opens the queue, codes
 * a certificate choosing one of the code server's suggestions, and the register export then holds that coding; the
 * statistics page draws its charts. Login is the form login of the test configuration (coding.pages-login=form).
 */
class CodingPagesBrowserTests extends CodingTestSupport {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        var chromium = Path.of(System.getProperty("dc.test.chromium", "/usr/bin/chromium"));
        var driver = Path.of(System.getProperty("dc.test.chromedriver", "/usr/bin/chromedriver"));
        var installed = Files.isExecutable(chromium) && Files.isExecutable(driver);
        // CI installs Chromium (.ci/run) and must run this test; elsewhere a machine without it skips it, saying why
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(
                    installed,
                    "No Chromium at " + chromium + " with its driver at " + driver
                            + ": the coders' pages are not tested in a browser here (apt-get install chromium"
                            + " chromium-driver, or -Ddc.test.chromium=… -Ddc.test.chromedriver=…)");
        }
        var options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--window-size=1280,2000");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCoderCodesACertificateFromTheQueueWithASuggestionAndTheExportHoldsIt() {
        var id = register(natural(newId(), LocalDate.of(2017, 6, 15), "Helsingborg"));
        var base = "http://localhost:" + port;

        browser.get(base + "/death-certificates/coding?month=2017-06&region=Region+Sk%C3%A5ne");
        browser.findElement(By.id("username")).sendKeys("coder");
        browser.findElement(By.id("password")).sendKeys("coder-password");
        browser.findElement(By.id("login")).click();
        browser.findElement(By.cssSelector("#entry-" + id + " a")).click();

        assertThat(browser.findElement(By.id("certificate-id")).getText()).isEqualTo(id);
        assertThat(browser.findElement(By.cssSelector("#line-A .description")).getText())
                .isEqualTo("Akut hjärtinfarkt");
        assertThat(browser.findElement(By.id("underlying-suggestion")).getText())
                .contains("Förslag")
                .contains("E11");
        browser.findElement(By.id("suggestion-A-I219")).click();
        browser.findElement(By.id("save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("message")));

        assertThat(browser.findElement(By.id("message")).getText()).contains("version 1");
        assertThat(browser.findElement(By.id("coding-state")).getText()).isEqualTo("CODED");
        assertThat(browser.findElement(By.id("version-1")).getText())
                .contains("coder")
                .contains("I21.9");

        var headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, coder());
        var export = http.exchange(
                API + "/export?year=2017&format=" + ExportFormat.JSONL.extension(),
                HttpMethod.GET,
                new HttpEntity<>(headers),
                byte[].class);
        var line = new String(export.getBody(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(id))
                .findFirst();
        assertThat(line)
                .get()
                .asString()
                .contains("\"codes\":[\"I219\"]")
                .contains("\"who\":[\"I21.9\"]")
                .contains("\"codedBy\":\"coder\"");

        browser.get(base + "/death-certificates/coding?month=2017-06&region=Region+Sk%C3%A5ne");
        assertThat(browser.findElements(By.id("entry-" + id))).isEmpty();
    }

    @Test
    void theStatisticsPageDrawsItsChartsUnderTheContentSecurityPolicy() {
        var base = "http://localhost:" + port;
        register(natural(newId(), LocalDate.now().minusDays(3), "Lund"));
        browser.get(base + "/death-certificates/statistics");
        browser.findElement(By.id("username")).sendKeys("coder");
        browser.findElement(By.id("password")).sendKeys("coder-password");
        browser.findElement(By.id("login")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(By.id("charts"), "data-drawn", "true"));

        assertThat(browser.findElements(By.cssSelector("#charts canvas"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Long.parseLong(browser.findElement(By.id("total")).getText()))
                .isPositive();
        var page = http.getForEntity("/death-certificates/login", String.class);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
    }
}

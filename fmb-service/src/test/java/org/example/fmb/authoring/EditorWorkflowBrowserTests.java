package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.example.fmb.IntegrationTestSupport;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;

/**
 * The editor pages in a real headless Chromium: an editor changes a recommended duration and adds an ICF code looked
 * up as it is typed, a reviewer approves and publishes, and the Webcert collection and the sick-leave check use the new value.
 * Login is the form login of the test configuration (fmb.pages.login=form) with the suite's demo
 * users, not the gateway's authorization-code flow, which needs the running gateway.
 */
class EditorWorkflowBrowserTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHROMIUM = System.getProperty("fmb.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("fmb.test.chromedriver", "/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    private WebDriver browser;

    /**
     * Outside CI a machine without Chromium skips this test with the reason; in CI (the {@code CI} environment
     * variable is set, and CI installs Chromium) a missing browser fails it.
     */
    @BeforeAll
    static void requireChromium() {
        var missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(path -> !Files.isExecutable(Path.of(path)))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        var reason = "No Chromium for the browser test: " + String.join(", ", missing)
                + " is not installed (apt-get install chromium chromium-driver, or set -Dfmb.test.chromium and"
                + " -Dfmb.test.chromedriver)";
        if (System.getenv("CI") != null) {
            fail(reason);
        }
        assumeTrue(false, reason);
    }

    @BeforeEach
    void startBrowser() {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--window-size=1280,2000");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void editorChangesADurationAndReviewerPublishesIt() throws Exception {
        var base = "http://localhost:" + port;
        browser.get(base + "/fmb/editor");
        login("editor", "editor-password");

        browser.findElement(By.cssSelector("#diagnosis-498 button.new-draft")).click();
        expectStatus("DRAFT");
        var versionPage = browser.getCurrentUrl();
        var maxValue = browser.findElement(By.cssSelector("#case-500 input.max-value"));
        assertThat(maxValue.getAttribute("value")).isEqualTo("4");
        maxValue.clear();
        maxValue.sendKeys("6");
        var newIcfRow = browser.findElements(By.cssSelector("[id='activityLimitationCentral'] .code-row")).stream()
                .reduce((first, second) -> second)
                .orElseThrow();
        newIcfRow.findElement(By.cssSelector("input.code")).sendKeys("d450");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .withMessage("the name of the code looked up in the code server as it was typed")
                .until(driver -> "Gå"
                        .equals(newIcfRow
                                .findElement(By.cssSelector("input.code-text"))
                                .getAttribute("value")));
        browser.findElement(By.id("save")).click();
        assertThat(browser.findElement(By.id("message")).getText()).contains("Sparat");
        browser.findElement(By.id("submit")).click();
        expectStatus("IN_REVIEW");
        assertThat(maxOfTypicalCase500())
                .as("still the published value while in review")
                .isEqualTo("4");
        browser.findElement(By.id("logout")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/fmb/diagnoser"));

        browser.get(versionPage);
        login("reviewer", "reviewer-password");
        assertThat(browser.findElement(By.id("diff")).getText())
                .contains("maxValue")
                .contains("4")
                .contains("6");
        browser.findElement(By.id("approve")).click();
        expectStatus("APPROVED");
        browser.findElement(By.id("publish")).click();
        expectStatus("PUBLISHED");

        assertThat(maxOfTypicalCase500()).isEqualTo("6");
        var check = http.exchange(
                RequestEntity.post("/fmb/api/v1/sick-leave-checks")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", TestTokens.bearer("webcert", "fmb.read"))
                        .body(
                                "{\"icd10Codes\":[\"F43.0\"],\"periods\":[{\"from\":\"2026-03-01\",\"to\":\"2026-04-10\",\"degree\":50}]}"),
                String.class);
        var result = JSON.readTree(check.getBody());
        assertThat(result.path("recommendedMaximumDays").asInt()).isEqualTo(6 * 7);
        assertThat(result.path("exceeded").asBoolean()).isFalse();

        browser.get(base + "/fmb/editor/principles");
        assertThat(browser.findElement(By.id("status")).getText()).isIn("DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED");
        browser.get(base + "/fmb/editor/diagnoses/498/history");
        assertThat(browser.getPageSource())
                .contains("PUBLISHED")
                .contains("editor")
                .contains("reviewer");

        browser.get(base + "/fmb/diagnoser/498");
        assertThat(browser.findElement(By.id("case-500")).getText()).contains("6 wk");
    }

    /** Waits for the page after a form post: the status shown is the new one. */
    private void expectStatus(String status) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("status"), status));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(status);
    }

    private void login(String user, String password) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    private String maxOfTypicalCase500() throws Exception {
        return JSON.readTree(http.getForObject("/fmb/typfall/500", String.class))
                .path("data")
                .path("attributes")
                .path("rekommenderadsjukskrivning")
                .path("maximalsjukskrivningstid")
                .asText();
    }
}

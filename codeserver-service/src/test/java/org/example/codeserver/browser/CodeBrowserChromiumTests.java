package org.example.codeserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

/**
 * The code browser in a real headless Chromium, under the service's Content-Security-Policy: a coder types
 * {@code hjärtinf}, picks I21 with the keyboard, walks up to its chapter and finds I828A among the codes removed from
 * 2021 to 2022; and axe-core finds no serious or critical violation on any page type. Skips, saying why, when no
 * Chromium is installed outside CI (install {@code chromium chromium-driver}); in CI (env {@code CI}) it runs always.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class CodeBrowserChromiumTests {

    private static final String CHROMIUM = System.getProperty("codes.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("codes.test.chromedriver", "/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        Assumptions.assumeTrue(
                System.getenv("CI") != null || new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "No Chromium at " + CHROMIUM + " / " + CHROMEDRIVER
                        + ": the code browser's browser test is skipped (apt-get install chromium chromium-driver)");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--window-size=1280,1600");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
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
    void aCoderFindsI21ByKeyboardWalksUpToItsChapterAndFindsI828AAmongTheRemoved() {
        var base = "http://localhost:" + port;
        browser.get(base + "/codes/");
        var input = browser.findElement(By.id("q"));
        input.sendKeys("hjärtinf");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#suggestions:not([aria-busy]) [role=option][data-system='icd-10-se'][data-code='I21']")));
        assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
        var target = browser.findElement(By.cssSelector("[role=option][data-system='icd-10-se'][data-code='I21']"))
                .getAttribute("id");
        int options = browser.findElements(By.cssSelector("[role=option]")).size();
        for (int i = 0; i < options && !target.equals(input.getAttribute("aria-activedescendant")); i++) {
            input.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(target);
        input.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(base + "/codes/icd-10-se/I21"));
        assertThat(browser.findElement(By.id("display")).getText()).isEqualTo("Akut hjärtinfarkt");

        // up the path: block I20-I25, then chapter 09
        browser.findElement(By.cssSelector("#path a[data-code='I20-I25']")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/codes/icd-10-se/I20-I25"));
        browser.findElement(By.cssSelector("#path a[data-code='09']")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/codes/icd-10-se/09"));
        assertThat(browser.findElement(By.id("display")).getText()).contains("Cirkulationsorganens sjukdomar");
        assertThat(browser.findElements(By.cssSelector("#children a[href$='/codes/icd-10-se/I20-I25']")))
                .hasSize(1);

        browser.get(base + "/codes/icd-10-se/diff?from=2021&to=2022");
        assertThat(browser.findElements(By.cssSelector("#removed a[href$='/codes/icd-10-se/I828A']")))
                .hasSize(1);
    }

    @Test
    void theEmbeddedComponentPicksACodeByKeyboardIntoItsForm() {
        browser.get("http://localhost:" + port + "/codes/komponent");
        var picker = browser.findElement(By.id("picker"));
        var input = picker.getShadowRoot().findElement(By.cssSelector("input"));
        input.sendKeys("akut hjärtinfarkt");
        var option = By.cssSelector("[role=listbox]:not([aria-busy]) [role=option][data-code='I21']");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !picker.getShadowRoot().findElements(option).isEmpty());
        // the list may render again while the keys move (a late answer to an earlier keystroke): move until I21 is
        // the active option as the list stands now, then choose it, and wait for the form to take it
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .pollingEvery(Duration.ofMillis(100))
                .until(d -> {
                    var target = picker.getShadowRoot().findElement(option).getAttribute("id");
                    if (target.equals(input.getAttribute("aria-activedescendant"))) {
                        return true;
                    }
                    input.sendKeys(Keys.ARROW_DOWN);
                    return false;
                });
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> "I21"
                        .equals(((JavascriptExecutor) d)
                                .executeScript(
                                        "return new FormData(document.getElementById('demo')).get('diagnos');")));
        assertThat(input.getAttribute("value")).startsWith("I21 Akut hjärtinfarkt");
    }

    @Test
    void everyPageTypeHasNoSeriousAccessibilityViolation() throws IOException {
        var axe = new ClassPathResource("axe-core/axe.min.js").getContentAsString(StandardCharsets.UTF_8);
        var base = "http://localhost:" + port;
        for (var path : List.of(
                "/codes/",
                "/codes/search?q=hj%C3%A4rtinfarkt",
                "/codes/search?q=diabetis&system=icd-10-se",
                "/codes/icd-10-se/I21",
                "/codes/icd-10-se/I828A?date=2021-06-30",
                "/codes/icd-10-se?open=I21",
                "/codes/icd-10-se/diff?from=2021&to=2022",
                "/codes/tillganglighet",
                "/codes/komponent",
                "/codes/icd-10-se/X999")) {
            browser.get(base + path);
            assertThat(seriousViolations(axe)).as(path).isEmpty();
        }
        // the search as you type, open
        browser.get(base + "/codes/");
        browser.findElement(By.id("q")).sendKeys("diab typ");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=option]")));
        assertThat(seriousViolations(axe)).as("suggestions open").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> seriousViolations(String axe) {
        var js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        var result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(function (r) {
                    done(r.violations
                      .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                      .map(function (v) { return { id: v.id, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' '); }) }; }));
                  })
                  .catch(function (e) { done([{ id: 'axe-error', help: String(e) }]); });
                """);
        return (List<Map<String, Object>>) result;
    }
}

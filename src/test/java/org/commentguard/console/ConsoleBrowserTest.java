package org.commentguard.console;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.commentguard.comment.MarkerScorer;
import org.commentguard.comment.Moderation;
import org.commentguard.comment.MutableTestClock;
import org.commentguard.learning.ModelRescoring;
import org.commentguard.learning.RunningModels;
import org.commentguard.scoring.ScoringPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the console in Debian's headless Chromium through Selenium, against the real service and database: the
 * moderator's path from sign-in to decisions, checked afterwards through the API, and text-only rendering.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static WebDriver driver;
    private static Path profile;

    @TestHTTPResource("/console/")
    URL console;

    @Inject
    MutableTestClock clock;

    @Inject
    ModelRescoring rescoring;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromium-driver packages (.ci/run installs them)");
        // An explicit driver path keeps Selenium Manager from running, so nothing is ever downloaded.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("commentguard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    /** A site whose every comment goes to the queue: pre-moderation on, automatic rejection switched off. */
    private static Moderation.TestSite queueEverythingSite() {
        Moderation.TestSite site = Moderation.newSite();
        Map<String, Object> off = Map.of("reject", 1.01);
        site.setPolicy(Map.of(
                "mode",
                "PRE_MODERATE_ALL",
                "offTopicAction",
                "REVIEW",
                "thresholds",
                Map.of(
                        "toxicity",
                        off,
                        "severe_toxicity",
                        off,
                        "insult",
                        off,
                        "threat",
                        off,
                        "identity_attack",
                        off,
                        "obscene",
                        off,
                        "profanity",
                        off,
                        "strong_profanity",
                        off,
                        "spam",
                        off)));
        return site;
    }

    private WebDriverWait waiting() {
        // The console re-renders cards after each action, so an element found a moment ago may be gone: look again.
        return (WebDriverWait) new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    private void signIn(String key) {
        driver.get(console.toString());
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        WebElement input = waiting().until(ExpectedConditions.elementToBeClickable(By.id("api-key")));
        input.clear();
        input.sendKeys(key);
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
    }

    private List<WebElement> items() {
        return driver.findElements(By.cssSelector("#items article.item"));
    }

    private String stateOf(String commentId) {
        return driver.findElement(By.cssSelector("article.item[data-comment-id='" + commentId + "'] .state"))
                .getText();
    }

    /** Saves what the browser shows under {@code target/}; README's figure is one of these. */
    private static void screenshot(String name) {
        try {
            Path shot = Path.of("target", name);
            Files.createDirectories(shot.getParent());
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    shot,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void press(String key) {
        new Actions(driver).sendKeys(key).perform();
    }

    @Test
    void moderatorSignsInClaimsApprovesWithTheKeyboardAndRejectsWithAReason() {
        Moderation.TestSite site = queueEverythingSite();
        String parent = site.post("tram-1", "ann", "Trams are a good idea, the council made the right call.")
                .path("id");
        site.postReply(
                "tram-2", "tram-1", "bob", "You are a complete idiot and this shit plan is stupid garbage. Shut up.");
        site.post("tram-3", "cat", "Buy cheap watches now!!! Visit http://cheap-watches.example and click here!!!");

        // A wrong key is refused with a clear message, and nothing is kept.
        signIn("cg_mod_this_key_does_not_exist");
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        waiting().until(d -> !error.getText().isBlank());
        assertThat(error.getText()).contains("Invalid API key");
        assertThat(((JavascriptExecutor) driver).executeScript("return sessionStorage.length"))
                .isEqualTo(0L);

        String alice = as(site.admin())
                .body(Map.of("role", "moderator", "label", "alice"))
                .post("/api/v1/sites/" + site.id() + "/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        signIn(alice);
        waiting().until(d -> items().size() == 3);
        assertThat(driver.getCurrentUrl()).doesNotContain(alice);
        assertThat(driver.findElement(By.id("whoami")).getText()).contains("moderator");

        // Queue order is the API's priority order, and each card shows its context.
        List<String> apiOrder = as(site.moderator())
                .get("/api/v1/queue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.comment.id");
        assertThat(items()).extracting(e -> e.getAttribute("data-comment-id")).containsExactlyElementsOf(apiOrder);
        String page = driver.findElement(By.id("items")).getText();
        assertThat(page)
                .contains("Council approves new tram line")
                .contains("In reply to:")
                .contains("Trams are a good idea");
        // Flagged spans are highlighted on the original text, cut exactly at their UTF-16 offsets.
        JsonPath queue =
                as(site.moderator()).get("/api/v1/queue").then().extract().jsonPath();
        List<Map<String, Object>> spans =
                queue.getList("items.find { it.comment.externalId == 'tram-2' }.comment.spans");
        assertThat(spans).isNotEmpty();
        List<WebElement> marks = driver.findElements(By.cssSelector("article.item mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks)
                .extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).containsIgnoringCase("shit"));

        // Claim the first item with its button.
        String first = apiOrder.get(0);
        String firstItem = items().get(0).getAttribute("data-item-id");
        items().get(0).findElement(By.cssSelector("button[data-action=claim]")).click();
        waiting().until(d -> stateOf(first).equalsIgnoreCase("claimed by you"));
        assertThat(as(site.moderator())
                        .get("/api/v1/queue/" + firstItem)
                        .then()
                        .extract()
                        .path("claimedBy")
                        .toString())
                .startsWith("key:alice#");

        screenshot("console-queue.png");

        // Severe items may be blurred: reveal them so the keyboard acts on what a moderator has read.
        driver.findElements(By.cssSelector(".text.blurred")).forEach(WebElement::click);

        // "a" approves the selected (first) item; the selection then moves to the next open one.
        press("a");
        waiting().until(d -> stateOf(first).toLowerCase().startsWith("decided: approve"));

        // "r" opens the reason dialog for the next item; reject it as harassment with a note.
        String second = apiOrder.get(1);
        waiting()
                .until(d -> driver.findElement(By.cssSelector("article.item.selected"))
                        .getAttribute("data-comment-id")
                        .equals(second));
        press("r");
        WebElement reason = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-select")));
        new Select(reason).selectByValue("harassment");
        driver.findElement(By.id("reason-note")).sendKeys("Personal attack on another reader");
        driver.findElement(By.id("reason-confirm")).click();
        waiting().until(d -> stateOf(second).toLowerCase().startsWith("decided: reject"));

        // "u" undoes the last decision within the window: the item is open and claimed again; reject it once more.
        press("u");
        waiting().until(d -> stateOf(second).equalsIgnoreCase("claimed by you"));
        as(site.moderator())
                .get("/api/v1/comments/" + second)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        driver.findElement(By.cssSelector("article.item[data-comment-id='" + second + "'] button[data-action=reject]"))
                .click();
        new Select(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-select"))))
                .selectByValue("harassment");
        driver.findElement(By.id("reason-note")).sendKeys("Personal attack on another reader");
        driver.findElement(By.id("reason-confirm")).click();
        waiting().until(d -> stateOf(second).toLowerCase().startsWith("decided: reject"));

        // The API agrees: decisions are in the audit log under the moderator's key, and the queue moved on.
        JsonPath approvedAudit = as(site.moderator())
                .get("/api/v1/audit?commentId=" + first)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(approvedAudit.getList("items.action", String.class)).contains("review.claimed", "comment.approved");
        assertThat(approvedAudit.getString("items.find { it.action == 'comment.approved' }.actor"))
                .startsWith("key:alice#");
        assertThat(approvedAudit.getString("items.find { it.action == 'comment.approved' }.reason"))
                .isEqualTo("acceptable");
        JsonPath rejectedAudit = as(site.moderator())
                .get("/api/v1/audit?commentId=" + second)
                .then()
                .extract()
                .jsonPath();
        assertThat(rejectedAudit.getList("items.action", String.class))
                .containsSubsequence("comment.rejected", "decision.undone", "comment.rejected");
        assertThat(rejectedAudit.getString("items.find { it.action == 'comment.rejected' }.reason"))
                .isEqualTo("harassment");
        assertThat(rejectedAudit.getString("items.find { it.action == 'comment.rejected' }.note"))
                .isEqualTo("Personal attack on another reader");

        JsonPath open =
                as(site.moderator()).get("/api/v1/queue").then().extract().jsonPath();
        assertThat(open.getList("items.comment.id")).containsExactly(apiOrder.get(2));
        JsonPath decided = as(site.moderator())
                .get("/api/v1/queue?status=decided")
                .then()
                .extract()
                .jsonPath();
        assertThat(decided.getList("items.decision")).containsExactlyInAnyOrder("approve", "reject");

        // "?" lists the shortcuts; bulk selection decides the last item.
        press("?");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("help-dialog")));
        driver.findElement(By.cssSelector("#help-dialog button")).click();
        driver.findElement(
                        By.cssSelector("article.item[data-comment-id='" + apiOrder.get(2) + "'] input[type=checkbox]"))
                .click();
        driver.findElement(By.id("bulk-approve")).click();
        new Select(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-select"))))
                .selectByValue("context_ok");
        driver.findElement(By.id("reason-confirm")).click();
        waiting()
                .until(d -> as(site.moderator())
                        .get("/api/v1/queue")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .isEmpty());
        assertThat(as(site.moderator())
                        .get("/api/v1/audit?commentId=" + apiOrder.get(2))
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("items.find { it.action == 'comment.approved' }.reason"))
                .isEqualTo("context_ok");
        as(site.moderator())
                .get("/api/v1/comments/" + first)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
        as(site.moderator())
                .get("/api/v1/comments/" + second)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("REJECTED"));
        assertThat(parent).isNotNull();
    }

    @Test
    void markupInCommentsAndNamesIsShownAsTextAndNeverRuns() {
        Moderation.TestSite site = queueEverythingSite();
        // The trams before the markup are surrogate pairs: two UTF-16 units each, which the span offsets count.
        String text = "\uD83D\uDE8B\uD83D\uDE8B <script>window.__xss = 1</script>"
                + "<img src=x onerror=\"window.__xss = 2\"> this shit is a joke";
        site.post("xss-1", "<b>mallory</b>", text);
        signIn(site.moderator());
        waiting().until(d -> items().size() == 1);

        WebElement comment = driver.findElement(By.cssSelector("article.item [data-role=comment-text]"));
        assertThat(comment.getText()).isEqualTo(text);
        assertThat(driver.findElements(By.cssSelector("#app script, #app img, #app [onerror]")))
                .isEmpty();
        assertThat(driver.findElements(By.xpath("//*[@id='app']//b[text()='mallory']")))
                .isEmpty();
        assertThat(driver.findElement(By.cssSelector("article.item aside")).getText())
                .contains("<b>mallory</b>");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined"))
                .isEqualTo(true);

        // The profanity span, cut at its UTF-16 offsets, marks exactly the word even after the emoji.
        assertThat(comment.findElements(By.cssSelector("mark[data-attributes~=profanity]")))
                .extracting(WebElement::getText)
                .contains("shit");
    }

    @Test
    void adminDryRunsThenSavesAPolicyIssuesAndRevokesAKeySanctionsAnAuthorAndSeesStatsAndWebhooks() {
        Moderation.TestSite site = Moderation.newSite();
        site.post("calm-1", "dan", "Trams will make the commute easier.");
        site.post("calm-2", "eve", "I hope the line reaches the suburbs soon.");
        signIn(site.admin());
        waiting().until(d -> !driver.findElements(By.cssSelector("#items")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) driver;

        // Policy: the dry run must come first; only then can the tested draft be saved.
        driver.findElement(By.linkText("Policy")).click();
        WebElement mode = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.name("mode")));
        new Select(mode).selectByValue("PRE_MODERATE_ALL");
        WebElement save = driver.findElement(By.id("save-policy"));
        assertThat(save.isEnabled()).isFalse();
        driver.findElement(By.id("dry-run")).click();
        WebElement report = waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#dry-run-report .panel")));
        assertThat(report.getText())
                .contains("2 recent comments re-evaluated")
                .contains("would change")
                .contains("PENDING");
        screenshot("console-policy.png");
        waiting().until(ExpectedConditions.elementToBeClickable(save)).click();
        waiting()
                .until(d -> as(site.admin())
                                .get("/api/v1/sites/" + site.id() + "/policy")
                                .then()
                                .extract()
                                .jsonPath()
                                .getInt("version")
                        == 1);
        assertThat(as(site.admin())
                        .get("/api/v1/sites/" + site.id() + "/policy")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("overrides.mode"))
                .isEqualTo("PRE_MODERATE_ALL");

        // Keys: the secret is shown once, works, and stops working when revoked.
        driver.findElement(By.linkText("API keys")).click();
        waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.name("label")))
                .sendKeys("night-shift");
        driver.findElement(By.cssSelector("#app form button[type=submit]")).click();
        String secret = waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#issued-key .secret")))
                .getText();
        assertThat(secret).startsWith("cg_mod_");
        as(secret).get("/api/v1/me").then().statusCode(200);
        driver.findElement(By.xpath("//table[@id='keys']//tr[td[1]='night-shift']//button"))
                .click();
        driver.switchTo().alert().accept();
        waiting().until(d -> as(secret).get("/api/v1/me").statusCode() == 401);

        // Author panel: pre-moderate with a reason.
        driver.get(console + "#/author/dan");
        new Select(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sanction-action"))))
                .selectByValue("premoderate");
        driver.findElement(By.name("reason")).sendKeys("Repeated borderline posts");
        driver.findElement(By.cssSelector("#sanction-form button[type=submit]")).click();
        waiting()
                .until(d -> as(site.moderator())
                        .get("/api/v1/authors/dan")
                        .then()
                        .extract()
                        .jsonPath()
                        .getBoolean("alwaysPremoderate"));
        waiting().until(d -> driver.findElement(By.id("author-facts")).getText().contains("Repeated borderline posts"));

        // Stats draw an inline SVG chart of verdicts per day.
        driver.findElement(By.linkText("Stats")).click();
        waiting()
                .until(d -> !driver.findElements(By.cssSelector("#verdict-chart rect"))
                        .isEmpty());

        // Webhooks: register one; the secret is shown once and the delivery log opens.
        driver.findElement(By.linkText("Webhooks")).click();
        waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.name("url")))
                .sendKeys("https://receiver.invalid/hooks/commentguard");
        driver.findElement(By.cssSelector("#app form button[type=submit]")).click();
        waiting()
                .until(d -> !driver.findElements(By.cssSelector("#app .secret")).isEmpty());
        assertThat(driver.findElement(By.id("webhooks")).getText())
                .contains("https://receiver.invalid/hooks/commentguard");
        driver.findElement(By.linkText("Deliveries")).click();
        waiting().until(d -> driver.findElement(By.id("app")).getText().contains("Delivery log"));
        assertThat(js.executeScript("return location.hash")).asString().startsWith("#/webhooks/");
    }

    private List<String> optionValues(By select) {
        return new Select(waiting().until(ExpectedConditions.visibilityOfElementLocated(select)))
                .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    @Test
    void consoleOffersTheVocabularyTheApiAnswersAndAnAuthorLinksToTheirQueue() {
        Moderation.TestSite site = queueEverythingSite();
        String ann = site.post("voc-1", "ann", "The tram stop should move closer to the school.")
                .path("id");
        site.post("voc-2", "bob", "Trams are quieter than buses.");
        JsonPath words = as(site.moderator())
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Function<String, List<String>> list = name -> words.getList(name, String.class);

        signIn(site.moderator());
        waiting().until(d -> items().size() == 2);
        assertThat(optionValues(By.cssSelector("#filters select[name=status]"))).isEqualTo(list.apply("queueStatuses"));
        assertThat(optionValues(By.cssSelector("#filters select[name=sort]"))).isEqualTo(list.apply("queueSorts"));
        assertThat(optionValues(By.cssSelector("#filters select[name=attribute]")))
                .isEqualTo(Stream.concat(Stream.of(""), list.apply("attributes").stream())
                        .toList());
        // A rejection offers every reason code but those that say the comment is fine and escalation's.
        items().get(0).findElement(By.cssSelector("button[data-action=reject]")).click();
        assertThat(optionValues(By.id("reason-select")))
                .containsExactlyInAnyOrderElementsOf(list.apply("reasonCodes").stream()
                        .filter(r -> !list.apply("approvalReasonCodes").contains(r))
                        .filter(r -> !r.equals(words.getString("escalationReasonCode")))
                        .toList());
        driver.findElement(By.cssSelector("#reason-dialog button[value=cancel]"))
                .click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("reason-dialog")));

        // The author page's actions are the vocabulary's, and its link opens the queue filtered to the author.
        driver.get(console + "#/author/ann");
        assertThat(optionValues(By.id("sanction-action"))).isEqualTo(list.apply("sanctionActions"));
        driver.findElement(By.linkText("Their comments in the queue")).click();
        waiting().until(d -> items().size() == 1 && ann.equals(items().get(0).getAttribute("data-comment-id")));
        assertThat(new Select(driver.findElement(By.cssSelector("#filters select[name=status]")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("all");
        assertThat(driver.findElement(By.cssSelector("#filters input[name=author]"))
                        .getAttribute("value"))
                .isEqualTo("ann");

        signIn(site.admin());
        waiting().until(d -> !driver.findElements(By.cssSelector("#items")).isEmpty());
        driver.findElement(By.linkText("Webhooks")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.name("url")));
        assertThat(driver.findElements(By.cssSelector("#app form input[type=checkbox]")))
                .extracting(e -> e.getAttribute("value"))
                .isEqualTo(list.apply("eventTypes"));
        driver.findElement(By.linkText("API keys")).click();
        assertThat(optionValues(By.name("role"))).isEqualTo(list.apply("keyRoles"));
        assertThat(new Select(driver.findElement(By.name("role")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("moderator");
        driver.findElement(By.linkText("Policy")).click();
        assertThat(optionValues(By.name("mode")))
                .isEqualTo(Stream.concat(Stream.of(""), list.apply("moderationModes").stream())
                        .toList());
        assertThat(driver.findElements(By.cssSelector("#policy-form input[name$='.review']")))
                .extracting(e -> e.getAttribute("name").replace(".review", ""))
                .isEqualTo(list.apply("thresholdAttributes"));
    }

    // ---- learning from moderators: the advice chart and the blind sample queue -----------------------------------

    private static void decideOnSite(Moderation.TestSite site, String commentId, String action, String reason) {
        as(site.ingest())
                .body(Map.of("action", action, "reason", reason, "moderator", "wp:editor"))
                .post("/api/v1/comments/" + commentId + "/moderation")
                .then()
                .statusCode(200);
    }

    private static void decideInQueue(Moderation.TestSite site, String commentId, String action, String reason) {
        String item = as(site.moderator())
                .get("/api/v1/queue?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.comment.id == '" + commentId + "' }.id");
        as(site.moderator())
                .body(Map.of("action", action, "reason", reason))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200);
    }

    private static JsonPath rescoringOf(Moderation.TestSite site) {
        return as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/rescoring")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Counts per status as the flip report writes them: "PUBLISHED 1, PENDING 0, …" in the API's order. */
    private static String counts(Map<String, Object> byStatus) {
        return String.join(
                ", ",
                byStatus.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList());
    }

    /** A site scored by comment markers whose every automatic verdict (up to the cap a day) is blind-sampled. */
    private static Moderation.TestSite sampleEverythingSite(int dailyCap) {
        Moderation.useMarkerScorer();
        Moderation.TestSite site = Moderation.newSite();
        as(site.admin())
                .body(Map.of("sampleShare", 1.0, "sampleDailyCap", dailyCap))
                .put("/api/v1/sites/" + site.id() + "/learning")
                .then()
                .statusCode(200);
        return site;
    }

    /** The console's percentages: whole percent, half up, or a dash without a value. */
    private static String pct(Object v) {
        return v == null ? "–" : Math.round(((Number) v).doubleValue() * 100) + " %";
    }

    /** The cells the advice table shows for one API row, in its column order. */
    private static List<String> adviceCells(Map<String, Object> row) {
        List<String> cells = new ArrayList<>();
        for (String k : List.of(
                "published",
                "publishedButRejected",
                "queued",
                "queuedApproved",
                "queuedRejected",
                "rejected",
                "rejectedButApproved")) {
            cells.add(String.valueOf(row.get(k)));
        }
        cells.add(pct(row.get("precision")));
        cells.add(pct(row.get("recall")));
        return cells;
    }

    /** A number as JavaScript's String() writes it (1, 0.45), which is how the page's data attributes carry it. */
    private static String js(Object number) {
        return new java.math.BigDecimal(String.valueOf(number))
                .stripTrailingZeros()
                .toPlainString();
    }

    private WebElement adviceRow(Object threshold) {
        return driver.findElement(By.cssSelector("#advice-table tr[data-threshold='" + js(threshold) + "']"));
    }

    private static String threshold(Object t) {
        return String.format(Locale.ROOT, "%.2f", ((Number) t).doubleValue());
    }

    @Test
    void policyPageChartsTheAdviceTheApiAnswersAndPutsTheRecommendationIntoTheDraft() {
        // Every published comment goes to the blind sample, where moderators approve the kind ones.
        Moderation.TestSite site = sampleEverythingSite(200);
        try {
            // Forty days ago: outside the 30-day window, inside the 90-day one.
            clock.advance(Duration.ofDays(-40));
            for (int i = 0; i < 5; i++) {
                decideOnSite(site, site.comment("old" + i, "Old mean " + i + " {toxicity=0.5}"), "reject", "toxicity");
            }
        } finally {
            clock.reset();
        }
        // Toxicity review 0.70, reject 0.95 (the defaults): 0.5 is published, 0.8 queued, 0.97 rejected.
        for (int i = 0; i < 12; i++) {
            decideOnSite(site, site.comment("b" + i, "Mean " + i + " {toxicity=0.5}"), "reject", "toxicity");
        }
        List<String> kind = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            kind.add(site.comment("g" + i, "Kind " + i + " {toxicity=0.2}"));
        }
        for (int i = 0; i < 3; i++) {
            site.comment("u" + i, "Undecided " + i + " {toxicity=0.1}");
        }
        JsonPath samples = as(site.moderator())
                .get("/api/v1/samples?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String id : kind) {
            as(site.moderator())
                    .body(Map.of("action", "approve"))
                    .post("/api/v1/samples/" + samples.getString("items.find { it.commentId == '" + id + "' }.id")
                            + "/decision")
                    .then()
                    .statusCode(200);
        }
        for (int i = 0; i < 4; i++) {
            decideInQueue(
                    site,
                    site.comment("q" + i, "Queued " + i + " {toxicity=0.8}"),
                    i == 0 ? "approve" : "reject",
                    i == 0 ? "acceptable" : "toxicity");
        }
        decideOnSite(site, site.comment("r0", "Rejected 0 {toxicity=0.97}"), "approve", "false_positive");
        site.comment("r1", "Rejected 1 {toxicity=0.97}");

        JsonPath advice = as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/policy/advice?days=30")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String toxicity = "attributes.find { it.attribute == 'toxicity' }";
        List<Map<String, Object>> rows = advice.getList(toxicity + ".review");
        // The API's answer is what the seed says (so the checks below compare the page with real counts).
        assertThat(advice.getInt("comments")).isEqualTo(33);
        Map<String, Object> atCurrent = advice.getMap(toxicity + ".review.find { it.threshold == 0.7f }");
        assertThat(atCurrent)
                .containsEntry("published", 27)
                .containsEntry("publishedButRejected", 12)
                .containsEntry("queued", 4)
                .containsEntry("queuedApproved", 1)
                .containsEntry("queuedRejected", 3)
                .containsEntry("rejected", 2)
                .containsEntry("rejectedButApproved", 1);
        assertThat(advice.getString("recommendation.attribute")).isEqualTo("toxicity");
        Object proposed = advice.get("recommendation.to");

        signIn(site.admin());
        waiting().until(d -> !driver.findElements(By.cssSelector("#items")).isEmpty());
        driver.findElement(By.linkText("Policy")).click();
        waiting()
                .until(d -> driver.findElements(By.cssSelector("#advice-table tr[data-threshold]"))
                                .size()
                        == rows.size());
        assertThat(new Select(driver.findElement(By.id("advice-attribute")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("toxicity");
        assertThat(driver.findElement(By.id("advice-summary")).getText())
                .startsWith("33 comments in the last 30 days, " + advice.getInt("labelled")
                        + " of them decided by moderators");

        // The table (the chart's text alternative) and the chart's bars show the API's rows, one for one.
        List<WebElement> bars = driver.findElements(By.cssSelector("#advice-chart g.advice-bar"));
        assertThat(bars).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            WebElement tr = adviceRow(row.get("threshold"));
            assertThat(tr.findElement(By.tagName("th")).getText()).startsWith(threshold(row.get("threshold")));
            assertThat(tr.findElements(By.tagName("td")))
                    .extracting(WebElement::getText)
                    .containsExactlyElementsOf(adviceCells(row));
            WebElement bar = bars.get(i);
            assertThat(bar.getAttribute("data-threshold")).isEqualTo(js(row.get("threshold")));
            assertThat(bar.findElement(By.tagName("title")).getAttribute("textContent"))
                    .startsWith(threshold(row.get("threshold")) + ": " + row.get("published") + " published ("
                            + row.get("publishedButRejected") + " rejected by moderators), " + row.get("queued")
                            + " queued");
            for (String outcome : List.of("published", "queued", "rejected")) {
                List<WebElement> rect = bar.findElements(By.cssSelector("rect[data-outcome=" + outcome + "]"));
                assertThat(rect)
                        .extracting(r -> r.getAttribute("data-count"))
                        .isEqualTo(
                                (Integer) row.get(outcome) == 0
                                        ? List.of()
                                        : List.of(String.valueOf(row.get(outcome))));
            }
        }
        // The current threshold and the recommended one are marked, and the recommendation is the API's, with evidence.
        assertThat(driver.findElement(By.id("advice-current")).getAttribute("data-threshold"))
                .isEqualTo("0.7");
        assertThat(adviceRow(0.7).getAttribute("class")).contains("current");
        assertThat(driver.findElement(By.id("advice-recommended")).getAttribute("data-threshold"))
                .isEqualTo(js(proposed));
        assertThat(adviceRow(proposed).getText()).contains("(recommended)");
        assertThat(driver.findElement(By.id("advice-recommendation-summary")).getText())
                .isEqualTo(advice.getString("recommendation.summary"));
        assertThat(driver.findElement(By.id("advice-evidence")).getText())
                .contains("…rejected by moderators " + advice.getInt("recommendation.current.publishedButRejected")
                        + " " + advice.getInt("recommendation.proposed.publishedButRejected"));
        assertThat(driver.findElement(By.id("site-model")).getText())
                .contains(as(site.admin())
                                .get("/api/v1/sites/" + site.id() + "/site-model")
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("bar.decisions")
                        + " decisions so far");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('advice').scrollIntoView()");
        screenshot("console-advice.png");

        // The recommendation goes into the draft, which then needs a dry run before it can be saved.
        driver.findElement(By.id("advice-try")).click();
        assertThat(driver.findElement(By.name("toxicity.review")).getAttribute("value"))
                .isEqualTo(js(proposed));
        assertThat(driver.findElement(By.id("save-policy")).isEnabled()).isFalse();

        // A 90-day window takes in the five older decisions.
        JsonPath wide = as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/policy/advice?days=90")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(wide.getInt("comments")).isEqualTo(38);
        new Select(driver.findElement(By.id("advice-days"))).selectByValue("90");
        waiting()
                .until(d ->
                        driver.findElement(By.id("advice-summary")).getText().startsWith("38 comments"));
        assertThat(adviceRow(0.7).findElements(By.tagName("td")))
                .extracting(WebElement::getText)
                .containsExactlyElementsOf(
                        adviceCells(wide.getMap(toxicity + ".review.find { it.threshold == 0.7f }")));
    }

    @Test
    void sampleQueueShowsNoScoresAndADecisionLeavesTheCommentAsItWasUnlessApplied() {
        Moderation.TestSite site = sampleEverythingSite(10);
        String parent = site.post("s-1", "ann", "Trams are a good idea.").path("id");
        String reply = site.postReply("s-2", "s-1", "bob", "Fine words about the tram.")
                .path("id");
        String rejected = site.post("s-3", "cat", "Awful words {insult=0.99}").path("id");
        site.post("s-4", "dan", "Queued words {insult=0.8}");
        // Queued, so never sampled: flags on an identity term that moderators overturn, for the monitor on stats.
        for (int i = 0; i < 5; i++) {
            decideInQueue(
                    site,
                    site.comment("m" + i, "My Muslim neighbours " + i + " {identity_attack=0.6}"),
                    "approve",
                    "false_positive");
        }
        JsonPath api = as(site.moderator())
                .get("/api/v1/samples")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // Only the automatic verdicts are sampled: published and rejected, not the queued comment.
        assertThat(api.getList("items.commentId")).containsExactly(parent, reply, rejected);
        assertThat(as(site.moderator())
                        .get("/api/v1/comments/" + rejected)
                        .then()
                        .extract()
                        .path("status")
                        .toString())
                .isEqualTo("REJECTED");

        signIn(site.moderator());
        waiting().until(d -> !driver.findElements(By.cssSelector("#items")).isEmpty());
        driver.findElement(By.linkText("Blind sample")).click();
        waiting()
                .until(d -> driver.findElements(By.cssSelector("#samples article.sample"))
                                .size()
                        == 3);
        List<WebElement> cards = driver.findElements(By.cssSelector("#samples article.sample"));
        assertThat(cards)
                .extracting(c -> c.getAttribute("data-sample-id"))
                .containsExactlyElementsOf(api.getList("items.id", String.class));
        // The comment, its article and the comment it answers; nothing the service concluded.
        assertThat(driver.findElements(By.cssSelector(
                        "#samples .scores, #samples .chip, #samples mark, " + "#samples .state, #samples .bar")))
                .isEmpty();
        for (int i = 0; i < 3; i++) {
            WebElement body = cards.get(i).findElement(By.cssSelector(".sample-body"));
            assertThat(body.findElement(By.cssSelector("[data-role=comment-text]"))
                            .getText())
                    .isEqualTo(api.getString("items[" + i + "].text"));
            assertThat(body.getText())
                    .contains("Council approves new tram line")
                    .doesNotContainIgnoringCase("published")
                    .doesNotContainIgnoringCase("rejected")
                    .doesNotContain("insult.")
                    .doesNotContain("marker@test")
                    .doesNotContain("%");
        }
        assertThat(cards.get(1).findElement(By.cssSelector(".context")).getText())
                .isEqualTo("In reply to: Trams are a good idea.");
        screenshot("console-samples.png");

        // Rejecting a published comment blind records the label; the comment stays published.
        WebElement first = cards.get(0);
        new Select(first.findElement(By.cssSelector("select[data-role=reason]"))).selectByValue("spam");
        first.findElement(By.cssSelector("button[data-action=reject]")).click();
        waiting()
                .until(d -> driver.findElements(By.cssSelector("#samples article.sample"))
                                .size()
                        == 2);
        String a = api.getString("items[0].id");
        as(site.moderator())
                .get("/api/v1/samples/" + a)
                .then()
                .statusCode(200)
                .body("decision", org.hamcrest.Matchers.equalTo("reject"))
                .body("reason", org.hamcrest.Matchers.equalTo("spam"))
                .body("applied", org.hamcrest.Matchers.equalTo(false));
        as(site.moderator())
                .get("/api/v1/comments/" + parent)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));

        // Approving the rejected comment blind leaves it rejected.
        driver.findElement(By.cssSelector(
                        "article.sample[data-comment-id='" + rejected + "'] button[data-action=approve]"))
                .click();
        waiting()
                .until(d -> driver.findElements(By.cssSelector("#samples article.sample"))
                                .size()
                        == 1);
        as(site.moderator())
                .get("/api/v1/comments/" + rejected)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("REJECTED"));
        assertThat(as(site.moderator())
                        .get("/api/v1/audit?commentId=" + parent)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.action", String.class))
                .doesNotContain("comment.rejected");

        // Only the explicit choice changes the comment: reject the reply and apply it.
        WebElement last = driver.findElement(By.cssSelector("article.sample[data-comment-id='" + reply + "']"));
        last.findElement(By.cssSelector("input[data-role=apply]")).click();
        last.findElement(By.cssSelector("button[data-action=reject]")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("samples-empty")));
        as(site.moderator())
                .get("/api/v1/comments/" + reply)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("REJECTED"));
        assertThat(as(site.moderator())
                        .get("/api/v1/samples")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items"))
                .isEmpty();

        // The stats page shows the week's estimates with their intervals as the API reports them.
        JsonPath quality = as(site.moderator())
                .get("/api/v1/stats/learning/samples?weeks=2")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String week = quality.getString("weeks[1].week");
        assertThat(quality.getInt("weeks[1].publishAgreement.trials")).isEqualTo(2);
        driver.findElement(By.linkText("Stats")).click();
        WebElement row = waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#sample-quality-table tr[data-week='" + week + "']")));
        for (String metric : List.of("publishAgreement", "rejectPrecision")) {
            String at = "weeks[1]." + metric;
            assertThat(row.findElement(By.cssSelector("td[data-metric=" + metric + "]"))
                            .getText())
                    .isEqualTo(pct(quality.get(at + ".estimate")) + " (95 % CI " + pct(quality.get(at + ".low")) + "–"
                            + pct(quality.get(at + ".high")) + ", n = " + quality.getInt(at + ".trials") + ")");
        }
        assertThat(row.findElement(By.cssSelector("td[data-metric=rejectPrecision]"))
                        .getText())
                .startsWith("0 %");
        assertThat(driver.findElement(By.id("sample-quality")).getText()).contains("0 sample items wait");
        JsonPath identity = as(site.moderator())
                .get("/api/v1/stats/learning/identity-terms?weeks=2")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(identity.getList("alerts.term")).containsExactly("muslim");
        assertThat(driver.findElement(By.id("identity-alerts")).getText())
                .isEqualTo("Week of "
                        + identity.getString("alerts[0].week")
                        + ": moderators overturned 5 of 5 flags on comments mentioning "
                        + "\"muslim\" (100 %, limit " + pct(identity.get("alerts[0].limit")) + ").");
        assertThat(driver.findElement(By.cssSelector("#identity-table tr.alert[data-term=muslim]"))
                        .getText())
                .contains("muslim 5 5 100 % 5 5");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('sample-quality').scrollIntoView()");
        screenshot("console-sample-quality.png");
    }

    @Test
    void adminFitsASiteModelSeesItsHeldOutFiguresAndTurnsItOnKeepingTheOtherLearningSettings() {
        Moderation.TestSite site = sampleEverythingSite(7);
        // Swearing approved, insults rejected: 22 of each, above the test profile's bar of 40 with 10 of each.
        for (int i = 0; i < 22; i++) {
            decideInQueue(site, site.comment("p" + i, "Swearing " + i + " {profanity=0.97}"), "approve", "acceptable");
            decideInQueue(site, site.comment("i" + i, "Insult " + i + " {insult=0.8}"), "reject", "insult");
        }
        signIn(site.admin());
        waiting().until(d -> !driver.findElements(By.cssSelector("#items")).isEmpty());
        driver.findElement(By.linkText("Policy")).click();
        WebElement fit = waiting().until(ExpectedConditions.elementToBeClickable(By.id("site-model-fit")));
        assertThat(driver.findElement(By.id("site-model")).getText())
                .contains("44 decisions so far (22 approved, " + "22 rejected)")
                .contains("No version is in use");
        fit.click();
        WebElement row = waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#site-model-versions tr[data-version='1']")));
        JsonPath model = as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/site-model")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(row.findElements(By.tagName("td")).subList(1, 7))
                .extracting(WebElement::getText)
                .containsExactly(
                        "44",
                        model.getInt("versions[0].heldOut.heldOut") + " ("
                                + model.getInt("versions[0].heldOut.heldOutRejected") + ")",
                        pct(model.get("versions[0].heldOut.precision")),
                        pct(model.get("versions[0].heldOut.recall")),
                        pct(model.get("versions[0].heldOut.agreement")),
                        pct(model.get("versions[0].heldOut.policyAgreement")));

        row.findElement(By.xpath(".//button[text()='Use this version']")).click();
        driver.switchTo().alert().accept();
        waiting()
                .until(d ->
                        driver.findElement(By.id("site-model-in-use")).getText().startsWith("Version 1 is in use"));
        JsonPath learning = as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/learning")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(learning.getInt("overrides.enabledModelVersion")).isEqualTo(1);
        // The PUT replaces every override: the console sent the sample settings back as they were.
        assertThat(learning.getDouble("overrides.sampleShare")).isEqualTo(1.0);
        assertThat(learning.getInt("overrides.sampleDailyCap")).isEqualTo(7);

        driver.findElement(By.xpath("//table[@id='site-model-versions']//button[text()='Stop using']"))
                .click();
        waiting()
                .until(d ->
                        driver.findElement(By.id("site-model-in-use")).getText().startsWith("No version"));
        assertThat(as(site.admin())
                        .get("/api/v1/sites/" + site.id() + "/learning")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("overrides.enabledModelVersion"))
                .isNull();
    }

    @Test
    void policyPageShowsWhatReScoringAfterAModelChangeWouldDecideDifferently() {
        Moderation.useMarkerScorer();
        Moderation.TestSite site = Moderation.newSite();
        String harsh = site.post("harsh-1", "ann", "Harsh words {toxicity=0.8}").path("id");
        site.post("calm-1", "bob", "Calm words");
        // What new versions would conclude is simulated by the site's policy moving under the stored verdicts.
        site.setPolicy(Map.of("thresholds", Map.of("toxicity", Map.of("review", 0.9, "reject", 0.95))));
        String version = "marker@console-" + UUID.randomUUID();
        // The first versions ever seen only get recorded; a change after that starts the jobs.
        if (rescoring.noticeModels(Map.of("toxicity", version)).isEmpty()) {
            version = "marker@console-" + UUID.randomUUID();
            assertThat(rescoring.noticeModels(Map.of("toxicity", version))).isNotEmpty();
        }
        signIn(site.admin());
        waiting().until(d -> !driver.findElements(By.cssSelector("#items")).isEmpty());
        driver.findElement(By.linkText("Policy")).click();
        WebElement running = waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#rescoring .rescore-job[data-state=running]")));
        assertThat(running.getText()).contains("→ " + version).contains("Running: 0 of at most");

        // The change started a job for every site with recent comments (other tests' too): step until this one is done.
        JsonPath jobs = rescoringOf(site);
        while (!"done".equals(jobs.getString("[0].state"))) {
            boolean worked = false;
            for (int i = 0; i < 100 && rescoring.step(); i++) {
                worked = true;
            }
            assertThat(worked)
                    .as("re-scoring has work left while this site's job runs")
                    .isTrue();
            jobs = rescoringOf(site);
        }
        assertThat(jobs.getInt("[0].report.evaluated")).isEqualTo(2);
        assertThat(jobs.getInt("[0].report.changed")).isEqualTo(1);
        driver.navigate().refresh();
        WebElement done = waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#rescoring .rescore-job[data-state=done]")));
        assertThat(done.getAttribute("data-job-id")).isEqualTo(jobs.getString("[0].id"));
        assertThat(done.findElement(By.cssSelector("[data-role=progress]")).getText())
                .contains("2 comments since")
                .endsWith("re-scored, 1 would now get another verdict.");
        Map<String, Object> before = jobs.getMap("[0].report.before");
        Map<String, Object> after = jobs.getMap("[0].report.after");
        assertThat(done.getText())
                .contains("Before: " + counts(before) + " · after: " + counts(after))
                .contains("harsh-1 PENDING PUBLISHED")
                .doesNotContain("calm-1");
        // A report only: the stored verdict stays.
        as(site.moderator())
                .get("/api/v1/comments/" + harsh)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
    }

    @Test
    void policyPageShowsModelVersionsWaitingInShadowAndTheAdminAcceptsThem() {
        Moderation.useMarkerScorer();
        QuarkusMock.installMockForType(
                new RunningModels(
                        Arc.container().instance(ScoringPipeline.class).get(), true),
                RunningModels.class);
        Moderation.TestSite site = Moderation.newSite();
        // A start with a new toxicity model, simulated by a scorer that reports another version.
        String next = "marker@console-shadow-" + UUID.randomUUID();
        QuarkusMock.installMockForType(new ScoringPipeline(List.of(new MarkerScorer(next))), ScoringPipeline.class);
        assertThat(site.post("held-1", "ann", "Calm words").<String>path("status"))
                .isEqualTo("PENDING");

        signIn(site.admin());
        waiting().until(d -> !driver.findElements(By.cssSelector("#items")).isEmpty());
        driver.findElement(By.linkText("Policy")).click();
        WebElement pending = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("models-pending")));
        assertThat(pending.getText())
                .contains("toxicity: marker@test → " + next)
                .contains("reason models.in_shadow")
                .contains("No re-scoring report for these versions yet.");
        pending.findElement(By.id("models-accept")).click();
        driver.switchTo().alert().accept();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("models-accepted")));
        assertThat(driver.findElements(By.id("models-pending"))).isEmpty();

        JsonPath models = as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(models.getMap("accepted")).isEqualTo(Map.of("toxicity", next));
        assertThat(models.getBoolean("pendingAcceptance")).isFalse();
        assertThat(site.post("published-1", "bob", "Calm words").<String>path("status"))
                .isEqualTo("PUBLISHED");
    }
}

package org.commentguard.integration.wordpress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.commentguard.testing.Api;
import org.commentguard.webhook.WebhookSigner;
import org.commentguard.webhook.WebhookTargets;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The WordPress plugin against real WordPress (Debian's 6.1 package, PHP's built-in server, MariaDB) and this
 * service: a published post becomes an article, comments posted through wp-comments-post.php get Commentguard's
 * verdict as their WordPress status, a moderator's decision in Commentguard reaches WordPress through the signed
 * webhook (which refuses unsigned, forged and stale deliveries), a spam click in wp-admin reaches Commentguard's
 * audit log, a comment posted while the service refuses connections or hangs gets the fallback and is sent again by
 * WP-Cron (once, under the same externalId), and a site that sends rejected comments to the trash finds them there.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordPressPluginTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CIVIL = "The new tram line will cut my commute in half. I hope the council keeps the "
            + "stop near the hospital, because many older residents depend on it every single day.";
    private static final String PROFANE = "What a fucking disgrace. These shitheads on the council could not run a "
            + "bath, and this tram plan is the dumbest crap I have read all year.";
    private static final String SPAM = "Buy cheap watches now!!! Visit http://cheap-watches.example/deal and click "
            + "here!!! Best prices, free shipping, http://cheap-watches.example/sale limited offer, buy now!!!";

    private static WordPressSite wordpress;
    private static ServiceRelay relay;

    @TestHTTPResource("/")
    URL service;

    @AfterAll
    static void stopWordPress() throws Exception {
        if (wordpress != null) {
            wordpress.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    @Order(1)
    void commentsPostedInWordPressAreModeratedByCommentguardAndDecisionsFlowBothWays() throws Exception {
        // WordPress listens on 127.0.0.1: this test is an operator who allows private webhook targets.
        WebhookTargets.allowPrivateTargetsForThisTest();
        WordPressSite.assumeAvailable();
        Api.TestSite site = Api.newSite();
        String ingestKey = site.key("ingest");
        String moderatorKey = site.key("moderator");
        // This newsroom holds profanity for a moderator instead of rejecting it outright; the rest is the default.
        as(site.adminKey())
                .body(Map.of("thresholds", Map.of("profanity", Map.of("review", 0.6, "reject", 1.01))))
                .put("/api/v1/sites/" + site.id() + "/policy")
                .then()
                .statusCode(200);
        // The plugin reaches the service through a relay for the whole test, so that step 6 can take it away.
        relay = ServiceRelay.to(service.getHost(), service.getPort());
        String serviceUrl = "http://127.0.0.1:" + relay.port();
        int wordpressPort = WordPressSite.freePort();
        // The webhook is registered before WordPress listens on the port; nothing is sent until a decision.
        JsonPath hook = as(site.adminKey())
                .body(Map.of(
                        "url",
                        "http://127.0.0.1:" + wordpressPort + "/wp-json/commentguard/v1/events",
                        "eventTypes",
                        List.of("comment.decided")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String secret = hook.getString("secret");
        wordpress = WordPressSite.install(
                wordpressPort,
                Map.of(
                        "service_url",
                        serviceUrl,
                        "ingest_key",
                        ingestKey,
                        "webhook_secret",
                        secret,
                        "timeout",
                        5,
                        "fallback",
                        "hold",
                        "reject_as",
                        "spam"));

        // 1. A published post is an article in Commentguard, and an update registers it again.
        Map<String, Object> post = wordpress.publish(
                null,
                "Council approves tram line",
                "<p>The city council approved the new tram line on Tuesday. Construction starts in spring.</p>");
        long postId = ((Number) post.get("id")).longValue();
        String article = "wp-" + postId;
        as(ingestKey).get("/api/v1/articles/" + article).then().statusCode(200);
        assertThat(as(ingestKey).get("/api/v1/articles/" + article).jsonPath().getString("url"))
                .isEqualTo(post.get("permalink"));
        wordpress.publish(
                (int) postId,
                "Council approves tram line to the hospital",
                "<p>The city council approved the new tram line on Tuesday. It will serve the hospital.</p>");
        assertThat(as(ingestKey).get("/api/v1/articles/" + article).jsonPath().getString("title"))
                .isEqualTo("Council approves tram line to the hospital");

        // 2. Three readers comment through the form.
        long civil = wordpress.postComment(postId, "Ann", "ann@example.org", CIVIL);
        long profane = wordpress.postComment(postId, "Bob", "bob@example.org", PROFANE);
        long spam = wordpress.postComment(postId, "Cheap Watches", "sales@cheap-watches.example", SPAM);

        // 3. Each WordPress status follows Commentguard's verdict, and the meta holds the evidence.
        JsonPath civilCg = stored(ingestKey, wordpress.meta(civil));
        JsonPath profaneCg = stored(ingestKey, wordpress.meta(profane));
        JsonPath spamCg = stored(ingestKey, wordpress.meta(spam));
        assertThat(civilCg.getString("status")).isEqualTo("PUBLISHED");
        assertThat(wordpress.status(civil)).isEqualTo("approved");
        assertThat(profaneCg.getString("status")).isEqualTo("PENDING");
        assertThat(wordpress.status(profane)).isEqualTo("unapproved");
        assertThat(profaneCg.getList("reasons", String.class)).contains("profanity.review");
        assertThat(spamCg.getString("status")).isEqualTo("REJECTED");
        assertThat(wordpress.status(spam)).isEqualTo("spam");
        assertThat(spamCg.getList("reasons", String.class)).anyMatch(r -> r.startsWith("spam."));
        Map<String, Object> profaneMeta = wordpress.meta(profane);
        assertThat(profaneMeta.get("_commentguard_reasons")).isEqualTo(profaneCg.getList("reasons"));
        assertThat(profaneMeta.get("_commentguard_status")).isEqualTo("PENDING");
        assertThat(((Map<?, ?>) profaneMeta.get("_commentguard_scores"))
                        .keySet().stream().map(String::valueOf))
                .contains("profanity", "toxicity", "spam");
        assertThat((List<?>) profaneMeta.get("_commentguard_spans")).isNotEmpty();
        assertThat(wordpress.meta(civil)).doesNotContainKeys("_commentguard_retry", "_commentguard_error");
        // The queue holds the held comment; the audit log has every automatic verdict.
        JsonPath queue = as(moderatorKey)
                .queryParam("article", article)
                .get("/api/v1/queue")
                .jsonPath();
        assertThat(queue.getList("items.comment.id"))
                .contains(profaneCg.getString("id"))
                .doesNotContain(civilCg.getString("id"));
        for (JsonPath c : List.of(civilCg, profaneCg, spamCg)) {
            assertThat(audit(moderatorKey, c.getString("id")).getList("items.action"))
                    .contains("comment.verdict");
        }

        // 4. A moderator decides the held comment in Commentguard; the signed webhook changes it in WordPress.
        rejectForProfanity(moderatorKey, article, profaneCg.getString("id"));
        WordPressSite.await(() -> wordpress.status(profane), "spam"::equals, WAIT, "the webhook to mark it as spam");
        assertThat(wordpress.meta(profane)).containsEntry("_commentguard_status", "REJECTED");
        assertThat((String) wordpress.meta(profane).get("_commentguard_decided_by"))
                .startsWith("key:moderator-");
        // WordPress's own spam bookkeeping is there, so "Not Spam" in wp-admin restores the status it had.
        assertThat(wordpress.meta(profane)).containsEntry("_wp_trash_meta_status", "0");

        // 4b. The webhook route refuses whatever Commentguard did not sign within the README's 300-second window.
        //     Each refused delivery would publish the rejected comment if it got through.
        String forged = event("comment.decided", Map.of("commentId", profaneCg.getString("id"), "status", "PUBLISHED"));
        String harmless = event("comment.published", Map.of());
        // Control: signed as the service signs, the plugin accepts (and ignores this event type).
        HttpResponse<String> control = deliver(harmless, 0, secret, harmless);
        assertThat(control.statusCode()).isEqualTo(200);
        assertThat(control.body()).contains("ignored");
        // Each answer as "status code". The plugin checks the window first, so a valid signature that is too old or
        // too new is refused as stale. The clock only moves on, so 301 s old stays outside the window; 330 s ahead
        // leaves half a minute for the request to arrive.
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("another body's signature", answer(deliver(forged, 0, secret, harmless)));
        refused.put("another secret", answer(deliver(forged, 0, "whsec_x" + secret, forged)));
        refused.put("301 s old", answer(deliver(forged, -301, secret, forged)));
        refused.put("330 s ahead", answer(deliver(forged, 330, secret, forged)));
        refused.put("no signature", answer(deliver(forged, 0, null, forged)));
        assertThat(refused)
                .containsExactly(
                        Map.entry("another body's signature", "401 commentguard_bad_signature"),
                        Map.entry("another secret", "401 commentguard_bad_signature"),
                        Map.entry("301 s old", "401 commentguard_stale"),
                        Map.entry("330 s ahead", "401 commentguard_stale"),
                        Map.entry("no signature", "401 commentguard_bad_signature"));
        assertThat(wordpress.status(profane)).isEqualTo("spam");
        assertThat(wordpress.meta(profane)).containsEntry("_commentguard_status", "REJECTED");

        // 5. The admin marks the civil comment as spam in wp-admin (the row action, with its nonce): Commentguard
        //    rejects it and the audit log names the WordPress user and the key.
        wordpress.logIn();
        Document list = wordpress.adminPage("/wp-admin/edit-comments.php?comment_status=all");
        Element spamLink = list.selectFirst("#comment-" + civil + " .row-actions .spam a");
        assertThat(spamLink).isNotNull();
        HttpResponse<String> marked = wordpress.adminAction(spamLink.absUrl("href"));
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(wordpress.status(civil)).isEqualTo("spam");
        String civilId = civilCg.getString("id");
        as(ingestKey).get("/api/v1/comments/" + civilId).then().statusCode(200);
        assertThat(as(ingestKey).get("/api/v1/comments/" + civilId).jsonPath().getString("status"))
                .isEqualTo("REJECTED");
        Map<?, ?> rejected = audit(moderatorKey, civilId).getList("items", Map.class).stream()
                .filter(e -> "comment.rejected".equals(e.get("action")))
                .findFirst()
                .orElseThrow();
        assertThat((String) rejected.get("actor")).startsWith("site:wp:admin via key:ingest-");
        assertThat(rejected.get("reason")).isEqualTo("spam");
        // Commentguard reports that decision back through the webhook; WordPress keeps its own status.
        WordPressSite.await(
                () -> as(site.adminKey())
                        .get("/api/v1/webhooks/" + hook.getString("endpoint.id") + "/deliveries")
                        .jsonPath()
                        .getList("status"),
                statuses -> statuses.size() == 2 && statuses.stream().allMatch("DELIVERED"::equals),
                WAIT,
                "both webhook deliveries");
        assertThat(wordpress.status(civil)).isEqualTo("spam");
        assertThat((String) wordpress.meta(civil).get("_commentguard_decided_by"))
                .startsWith("site:wp:admin via key:");

        // 6. The service goes away (the relay stops listening): a new comment is held, kept, and sent again by
        //    WP-Cron once the service is back.
        Document settingsPage = wordpress.adminPage("/wp-admin/options-general.php?page=commentguard");
        assertThat(settingsPage.html())
                .doesNotContain(ingestKey)
                .doesNotContain(secret)
                .contains(ingestKey.substring(ingestKey.length() - 4));
        relay.down();
        long offline = wordpress.postComment(
                postId,
                "Cat",
                "cat@example.org",
                "Will the trams run at night as well? Shift workers at the hospital would really benefit from it.");
        assertThat(wordpress.status(offline)).isEqualTo("unapproved");
        String offlineExternal = awaitingRetry(offline, "unapproved");
        assertThat(commentIds(ingestKey, article, offlineExternal)).isEmpty();
        relay.up();
        wordpress.runCron();
        JsonPath retried = landed(ingestKey, article, offline, offlineExternal);
        assertThat(retried.getString("status")).isEqualTo("PUBLISHED");
        assertThat(wordpress.status(offline)).isEqualTo("approved");

        // 7. The service hangs: it gets the request but never answers. This site now waits 2 s and lets comments
        //    through meanwhile (Cat has an approved comment, so WordPress's own rules approve her).
        assertThat(wordpress
                        .saveSettings(Map.of("timeout", "2", "fallback", "approve"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(wordpress.settings())
                .containsEntry("service_url", serviceUrl)
                .containsEntry("ingest_key", ingestKey)
                .containsEntry("webhook_secret", secret)
                .containsEntry("fallback", "approve");
        relay.stall(true);
        long started = System.nanoTime();
        long slow = wordpress.postComment(
                postId,
                "Cat",
                "cat@example.org",
                "What a fucking mess. Night trams were promised, and this crap plan drops them again.");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "WordPressPluginTest: the comment posted while the service hung was stored after %d ms "
                        + "(plugin timeout 2 s)%n",
                elapsedMs);
        assertThat(wordpress.status(slow)).isEqualTo("approved");
        String slowExternal = awaitingRetry(slow, "approved");
        assertThat((String) wordpress.meta(slow).get("_commentguard_error")).containsIgnoringCase("timed out");
        // The request did reach Commentguard, which stored and queued the comment; only its answer was lost.
        List<String> firstAttempt = WordPressSite.await(
                () -> commentIds(ingestKey, article, slowExternal),
                ids -> !ids.isEmpty(),
                WAIT,
                "the hung request to be stored by Commentguard");
        relay.stall(false);
        wordpress.runCron();
        JsonPath slowRetried = landed(ingestKey, article, slow, slowExternal);
        assertThat(slowRetried.getString("id")).isEqualTo(firstAttempt.get(0));
        assertThat(slowRetried.getString("status")).isEqualTo("PENDING");
        assertThat(wordpress.status(slow)).isEqualTo("unapproved");
        assertThat(as(moderatorKey)
                        .queryParam("article", article)
                        .get("/api/v1/queue")
                        .jsonPath()
                        .getList("items.comment.id"))
                .containsOnlyOnce(slowRetried.getString("id"));

        // 8. The site sends rejected comments to the trash: a moderator's rejection in Commentguard and a new spam
        //    comment both end there.
        assertThat(wordpress
                        .saveSettings(Map.of("timeout", "5", "reject_as", "trash"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(wordpress.settings()).containsEntry("reject_as", "trash");
        rejectForProfanity(moderatorKey, article, slowRetried.getString("id"));
        WordPressSite.await(() -> wordpress.status(slow), "trash"::equals, WAIT, "the webhook to trash it");
        // WordPress's trash bookkeeping: "Restore" brings back the status it had, and the trash is emptied in time.
        assertThat(wordpress.meta(slow))
                .containsEntry("_commentguard_status", "REJECTED")
                .containsEntry("_wp_trash_meta_status", "0")
                .containsKey("_wp_trash_meta_time");
        long trashed = wordpress.postComment(
                postId,
                "Watch Deals",
                "deals@cheap-watches.example",
                "Cheap watches!!! Buy now at http://cheap-watches.example/deal and click here!!! Free shipping, "
                        + "best prices, limited offer at http://cheap-watches.example/sale, buy now!!!");
        JsonPath trashedCg = stored(ingestKey, wordpress.meta(trashed));
        assertThat(trashedCg.getString("status")).isEqualTo("REJECTED");
        assertThat(wordpress.status(trashed)).isEqualTo("trash");
    }

    @Test
    @Order(2)
    void wpAdminCommentListShowsCommentguardsReasonsInTheBrowser() throws Exception {
        WebhookTargets.allowPrivateTargetsForThisTest();
        assumeTrue(wordpress != null, "needs the WordPress of the end-to-end test");
        Path chromium = Path.of("/usr/bin/chromium");
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        assumeTrue(
                Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
                "the screenshot needs Debian's chromium and chromium-driver");
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Path profile = Files.createTempDirectory("commentguard-wp-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(chromedriver.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        try {
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.get(wordpress.base().resolve("/wp-login.php").toString());
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("user_login")))
                    .sendKeys(WordPressSite.ADMIN);
            driver.findElement(By.id("user_pass")).sendKeys(wordpress.password());
            driver.findElement(By.id("wp-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wpadminbar")));
            // By now every comment with reasons has been rejected (by the policy, a moderator or the admin).
            driver.get(wordpress
                    .base()
                    .resolve("/wp-admin/edit-comments.php?comment_status=spam")
                    .toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#the-comment-list td.column-commentguard .commentguard-reasons")));
            assertThat(driver.findElements(By.cssSelector("td.column-commentguard")).stream()
                            .map(e -> e.getText()))
                    .anyMatch(t -> t.contains("profanity.review"))
                    .anyMatch(t -> t.contains("spam.reject"));
            assertThat(driver.findElements(By.cssSelector("td.column-commentguard mark")))
                    .isNotEmpty();
            Path shot = Path.of("target", "wordpress-comments.png");
            Files.createDirectories(shot.getParent());
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    shot,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(java.io.File::delete);
            }
        }
    }

    /** The comment in Commentguard that the WordPress comment's meta points to, checked against that meta. */
    private static JsonPath stored(String ingestKey, Map<String, Object> meta) {
        assertThat(meta).containsKeys("_commentguard_id", "_commentguard_external_id", "_commentguard_status");
        JsonPath c = as(ingestKey)
                .get("/api/v1/comments/" + meta.get("_commentguard_id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(c.getString("externalId")).isEqualTo(meta.get("_commentguard_external_id"));
        assertThat(c.getString("status")).isEqualTo(meta.get("_commentguard_status"));
        return c;
    }

    /** The comment's retry marker and fallback status, and the externalId the retry will send it with. */
    private static String awaitingRetry(long wordpressComment, String fallbackStatus) {
        Map<String, Object> meta = wordpress.meta(wordpressComment);
        assertThat(meta)
                .containsEntry("_commentguard_retry", "1")
                .containsEntry("_commentguard_fallback", fallbackStatus)
                .containsKeys("_commentguard_external_id", "_commentguard_error")
                .doesNotContainKey("_commentguard_id");
        return (String) meta.get("_commentguard_external_id");
    }

    /** Waits for the WP-Cron retry to store the verdict; exactly one Commentguard comment has the externalId. */
    private static JsonPath landed(String ingestKey, String article, long wordpressComment, String external)
            throws InterruptedException {
        Map<String, Object> meta = WordPressSite.await(
                () -> wordpress.meta(wordpressComment),
                m -> m.containsKey("_commentguard_id"),
                WAIT,
                "the WP-Cron retry");
        assertThat(meta).doesNotContainKeys("_commentguard_retry", "_commentguard_error", "_commentguard_fallback");
        assertThat(commentIds(ingestKey, article, external)).containsExactly((String) meta.get("_commentguard_id"));
        return stored(ingestKey, meta);
    }

    private static List<String> commentIds(String ingestKey, String article, String external) {
        return as(ingestKey)
                .queryParam("article", article)
                .get("/api/v1/comments")
                .jsonPath()
                .getList("items", Map.class)
                .stream()
                .filter(c -> external.equals(c.get("externalId")))
                .map(c -> (String) c.get("id"))
                .toList();
    }

    /** A moderator claims the comment's queue item in Commentguard and rejects it for profanity. */
    private static void rejectForProfanity(String moderatorKey, String article, String commentId) {
        String item = as(moderatorKey)
                .queryParam("article", article)
                .get("/api/v1/queue")
                .jsonPath()
                .getList("items", Map.class)
                .stream()
                .filter(i -> ((Map<?, ?>) i.get("comment")).get("id").equals(commentId))
                .map(i -> (String) i.get("id"))
                .findFirst()
                .orElseThrow();
        as(moderatorKey).post("/api/v1/queue/" + item + "/claim").then().statusCode(200);
        as(moderatorKey)
                .body(Map.of("action", "reject", "reason", "profanity"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200);
    }

    /** An event as the service's outbox writes it: {id, type, createdAt, siteId, data}. */
    private static String event(String type, Map<String, Object> data) throws Exception {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("createdAt", Instant.now().toString());
        e.put("siteId", UUID.randomUUID().toString());
        e.put("data", data);
        return JSON.writeValueAsString(e);
    }

    private static String answer(HttpResponse<String> response) {
        return response.statusCode() + " " + JsonPath.from(response.body()).getString("code");
    }

    /**
     * A delivery stamped {@code offsetSeconds} from now and signed by the service's own signer over {@code signedBody}
     * under {@code signingSecret}; without a Commentguard-Signature header when {@code signingSecret} is null.
     */
    private static HttpResponse<String> deliver(
            String body, long offsetSeconds, String signingSecret, String signedBody) throws Exception {
        long timestamp = Instant.now().getEpochSecond() + offsetSeconds;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp));
        if (signingSecret != null) {
            headers.put(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(signingSecret, timestamp, signedBody));
        }
        return wordpress.deliver(body, headers);
    }

    private static JsonPath audit(String moderatorKey, String commentId) {
        return as(moderatorKey)
                .queryParam("commentId", commentId)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}

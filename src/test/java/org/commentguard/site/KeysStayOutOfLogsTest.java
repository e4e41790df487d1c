package org.commentguard.site;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.commentguard.testing.Api;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;

/**
 * API keys never reach a log line, the access log, a metric tag or a problem document, whether they come as
 * Perspective's {@code ?key=} or as {@code X-Api-Key}, valid, unknown or malformed. Every log record written while
 * the requests run is captured (with the service's own categories at DEBUG, so that there is something to
 * search), as are the access log file and {@code /q/metrics}; the same capture shows each request's lines
 * carrying its request id and site id.
 */
@QuarkusTest
class KeysStayOutOfLogsTest {

    static final Path ACCESS_LOG = Path.of("target", "access-test.log");
    static final String ANALYZE = "{\"comment\":{\"text\":\"You are a fine person\"},\"doNotStore\":true,"
            + "\"requestedAttributes\":{\"TOXICITY\":{}},\"languages\":[\"en\"]}";

    /** Everything written to the log while a test runs, message, MDC and stack trace together. */
    static final class Capture extends Handler {
        final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyAll();
                records.add(ext);
            }
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (ExtLogRecord r : records) {
                sb.append(r.getLoggerName())
                        .append(' ')
                        .append(r.getFormattedMessage())
                        .append(' ')
                        .append(r.getMdcCopy())
                        .append('\n');
                for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                    sb.append(t).append('\n');
                }
            }
            return sb.toString();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    final Capture capture = new Capture();
    final Logger root = Logger.getLogger("");
    final Logger service = Logger.getLogger("org.commentguard");
    Level serviceLevel;
    /** The access log is appended to across runs; each test reads only what its requests added. */
    static long accessLogStart;

    @BeforeEach
    void capture() throws IOException {
        accessLogStart = Files.exists(ACCESS_LOG) ? Files.size(ACCESS_LOG) : 0;
        serviceLevel = service.getLevel();
        service.setLevel(Level.FINE);
        root.addHandler(capture);
    }

    @AfterEach
    void release() {
        root.removeHandler(capture);
        service.setLevel(serviceLevel);
    }

    static io.restassured.response.Response perspective(String key) {
        return RestAssured.given()
                .urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .queryParam("key", key)
                .body(ANALYZE)
                .post("/v1alpha1/comments:analyze");
    }

    @Test
    void noKeyInAnyFormReachesLogsAccessLogMetricsOrProblemDocuments() throws Exception {
        Api.TestSite site = Api.newSite();
        String valid = site.key("ingest");
        String unknown = "cg_" + UUID.randomUUID().toString().replace("-", "") + "unknownkey";
        String malformed =
                "cg_mal%20formed%0Akey_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> secrets = List.of(valid, unknown, malformed, "mal formed\nkey");
        List<String> bodies = new ArrayList<>();

        bodies.add(perspective(valid).then().statusCode(200).extract().asString());
        bodies.add(perspective(unknown).then().statusCode(401).extract().asString());
        bodies.add(perspective(malformed).then().statusCode(401).extract().asString());
        bodies.add(RestAssured.given()
                .urlEncodingEnabled(false)
                .queryParam("key", valid)
                .get("/v1alpha1/no-such-operation")
                .then()
                .extract()
                .asString());
        bodies.add(as(valid)
                .contentType(ContentType.JSON)
                .body("{\"text\": 12}")
                .post("/api/v1/comments")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        bodies.add(as(unknown)
                .get("/api/v1/queue")
                .then()
                .statusCode(401)
                .extract()
                .asString());
        bodies.add(RestAssured.given()
                .header(ApiKeyFilter.HEADER, "mal formed key")
                .get("/api/v1/queue")
                .then()
                .statusCode(401)
                .extract()
                .asString());
        bodies.add(RestAssured.given()
                .urlEncodingEnabled(false)
                .header(ApiKeyFilter.HEADER, valid)
                .queryParam("key", valid)
                .get("/api/v1/comments/" + UUID.randomUUID())
                .then()
                .extract()
                .asString());
        String metrics =
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        String access = accessLogOnceWritten("/v1alpha1/no-such-operation");
        String logs = capture.text();

        // The captures hold the traffic, so a key would have been found had it been written.
        assertThat(metrics).contains("http_server_requests").contains("comments:analyze");
        assertThat(access)
                .contains("POST /v1alpha1/comments:analyze HTTP/1.1\" 200")
                .contains("POST /v1alpha1/comments:analyze HTTP/1.1\" 401");
        assertThat(logs).as(logs).contains("invalid_api_key");
        for (String secret : secrets) {
            assertThat(logs).as("log records").doesNotContain(secret);
            assertThat(access).as("access log").doesNotContain(secret);
            assertThat(metrics).as("/q/metrics").doesNotContain(secret);
            assertThat(bodies).as("problem documents").noneMatch(b -> b.contains(secret));
        }
        assertThat(access).as("access log").doesNotContain("key=").doesNotContain(valid.substring(0, 12));
        assertThat(metrics).as("/q/metrics").doesNotContain("key=").doesNotContain(valid.substring(0, 12));
        assertThat(logs).as("log records").doesNotContain("key=").doesNotContain(valid.substring(0, 12));
    }

    @Test
    void everyLineOfARequestCarriesItsRequestIdAndSiteId() throws Exception {
        Api.TestSite site = Api.newSite();
        String ingest = site.key("ingest");
        String article = "a-" + UUID.randomUUID();
        as(ingest)
                .body(java.util.Map.of("title", "Tram line", "body", "The council approved the tram line."))
                .put("/api/v1/articles/" + article)
                .then()
                .statusCode(201);
        String requestId = "req-" + UUID.randomUUID();
        as(ingest)
                .header("X-Request-Id", requestId)
                .body(java.util.Map.of(
                        "externalId",
                        "c-" + UUID.randomUUID(),
                        "articleId",
                        article,
                        "author",
                        java.util.Map.of("id", "reader-1", "name", "Reader"),
                        "text",
                        "The tram will help people who commute from the suburbs."))
                .post("/api/v1/comments")
                .then()
                .statusCode(201);
        List<ExtLogRecord> lines = capture.records.stream()
                .filter(r -> requestId.equals(r.getMdc("requestId")))
                .toList();
        assertThat(lines)
                .as("log lines of the request among:%n%s", capture.text())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getMdc(ApiKeyFilter.SITE_MDC_KEY)).isEqualTo(site.id()));
        assertThat(accessLogOnceWritten(requestId))
                .containsPattern("\"POST /api/v1/comments HTTP/1.1\" 201 .* " + requestId + " " + site.id());
    }

    /** The access log is written in the background; wait for the line of the last request. */
    static String accessLogOnceWritten(String lastPath) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(ACCESS_LOG)) {
                byte[] all = Files.readAllBytes(ACCESS_LOG);
                String text = new String(
                        all,
                        (int) Math.min(accessLogStart, all.length),
                        all.length - (int) Math.min(accessLogStart, all.length),
                        StandardCharsets.UTF_8);
                if (text.contains(lastPath)) {
                    return text;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no access log line for " + lastPath + " in " + ACCESS_LOG.toAbsolutePath());
    }
}

package org.commentguard.perspective;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.commentguard.comment.Moderation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Google's own Perspective client for Python (Debian's {@code python3-googleapi}, googleapiclient 1.7), pointed at
 * this service by its discovery URL alone: analyze, suggestscore, an empty comment and a wrong key. The client is
 * installed by {@code .ci/install-python-googleapi.sh}; where it is missing the test is skipped, and CI counts that
 * skip as a failure.
 */
@QuarkusTest
class GooglePerspectiveClientTest {

    /** Debian's interpreter: the Debian package installs there, not into a pyenv or venv python3 on the PATH. */
    private static final String PYTHON = "/usr/bin/python3";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    @Test
    void googlesPythonClientAnalyzesSuggestsScoresAndSurfacesErrorsThroughTheDiscoveryDocument() throws Exception {
        Assumptions.assumeTrue(
                clientInstalled(),
                "googleapiclient is not installed for " + PYTHON
                        + "; run .ci/install-python-googleapi.sh (apt-get install python3-googleapi)");
        Moderation.TestSite site = Moderation.newSite();
        Map<String, JsonNode> results = run(site.ingest());

        JsonNode analyze = results.get("analyze");
        // The client passes its developerKey as ?key=, next to its alt=json.
        assertThat(analyze.get("uri").asText())
                .startsWith(base + "v1alpha1/comments:analyze?")
                .contains("key=" + site.ingest())
                .contains("alt=json");
        JsonNode scores = analyze.at("/response/attributeScores");
        assertThat(scores.fieldNames()).toIterable().containsExactlyInAnyOrder("TOXICITY", "PROFANITY", "SPAM");
        assertThat(scores.at("/TOXICITY/summaryScore/value").asDouble()).isGreaterThan(0.5);
        assertThat(scores.at("/TOXICITY/summaryScore/type").asText()).isEqualTo("PROBABILITY");
        assertThat(scores.at("/PROFANITY/spanScores")).isNotEmpty();
        assertThat(analyze.at("/response/clientToken").asText()).isEqualTo("token-1");

        JsonNode suggest = results.get("suggestscore");
        assertThat(suggest.get("uri").asText()).startsWith(base + "v1alpha1/comments:suggestscore?");
        assertThat(suggest.at("/response/clientToken").asText()).isEqualTo("token-2");
        assertThat(feedbackRows(site.id(), "python-client-test")).isEqualTo(1);

        JsonNode empty = results.get("empty_comment");
        assertThat(empty.get("status").asInt()).isEqualTo(400);
        assertThat(empty.at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(empty.at("/error/details/0/errorType").asText()).isEqualTo("COMMENT_EMPTY");

        JsonNode wrongKey = results.get("wrong_key");
        assertThat(wrongKey.get("status").asInt()).isEqualTo(401);
        assertThat(wrongKey.at("/error/status").asText()).isEqualTo("UNAUTHENTICATED");
    }

    private static boolean clientInstalled() throws Exception {
        if (!new File(PYTHON).canExecute()) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import googleapiclient.discovery")
                .redirectErrorStream(true)
                .start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private Map<String, JsonNode> run(String key) throws Exception {
        Path script = Files.createTempFile("google-client", ".py");
        Path out = Files.createTempFile("google-client", ".out");
        try {
            try (var in = getClass().getResourceAsStream("/perspective/google_client.py")) {
                Files.write(script, in.readAllBytes());
            }
            ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), base.toString(), key)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            // No proxy: the client must reach the loopback test server directly.
            pb.environment().keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy"));
            Process p = pb.start();
            boolean done = p.waitFor(180, TimeUnit.SECONDS);
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (!done) {
                p.destroyForcibly();
            }
            assertThat(done && p.exitValue() == 0)
                    .as("python client output:\n" + output)
                    .isTrue();
            Map<String, JsonNode> results = new HashMap<>();
            for (String line :
                    output.lines().filter(l -> l.startsWith("{\"case\"")).toList()) {
                JsonNode node = JSON.readTree(line);
                results.put(node.get("case").asText(), node);
            }
            assertThat(results.keySet())
                    .as(output)
                    .containsExactlyInAnyOrderElementsOf(
                            List.of("analyze", "suggestscore", "empty_comment", "wrong_key"));
            return results;
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(out);
        }
    }

    private long feedbackRows(String siteId, String community) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM score_feedback WHERE site_id = ? AND community_id = ?")) {
            s.setObject(1, UUID.fromString(siteId));
            s.setString(2, community);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}

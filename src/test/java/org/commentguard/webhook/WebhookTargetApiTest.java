package org.commentguard.webhook;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.commentguard.comment.Moderation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The webhook target policy through the API, with the production default: registration refuses targets inside
 * the network in every spelling, the delivery checks again after resolving (a name that rebinds to loopback gets
 * nothing), and the operator's opt-in opens loopback for an on-premises receiver.
 */
@QuarkusTest
class WebhookTargetApiTest {

    @Inject
    WebhookDispatcher dispatcher;

    @ConfigProperty(name = "commentguard.webhook.allow-private-targets")
    boolean allowPrivateTargets;

    HttpServer receiver;
    final List<String> hosts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        Moderation.useMarkerScorer();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    int port() {
        return receiver.getAddress().getPort();
    }

    @Test
    void theSuiteRunsWithTheProductionDefault() {
        assertThat(allowPrivateTargets)
                .as("commentguard.webhook.allow-private-targets in tests")
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://127.0.0.1:{port}/hook                 | 127.0.0.1 is a loopback address",
                "http://2130706433:{port}/hook                | 127.0.0.1 is a loopback address",
                "http://0177.0.0.1:{port}/hook                | 127.0.0.1 is a loopback address",
                "http://0x7f.0.0.1:{port}/hook                | 127.0.0.1 is a loopback address",
                "http://127.1:{port}/hook                     | 127.0.0.1 is a loopback address",
                "http://[::1]:{port}/hook                     | [0:0:0:0:0:0:0:1] is a loopback address",
                "http://[::ffff:127.0.0.1]:{port}/hook        | 127.0.0.1 is a loopback address",
                "http://localhost:{port}/hook                 | (localhost resolves to it) is a loopback address",
                "http://loopback.attacker.example:{port}/hook | (loopback.attacker.example resolves to it)",
                "http://169.254.169.254/latest/meta-data      | link-local",
                "http://[fe80::1]/hook                        | link-local",
                "http://10.0.0.7/hook                         | private-network",
                "http://172.20.1.1/hook                       | private-network",
                "http://192.168.0.10/hook                     | private-network",
                "http://100.64.1.1/hook                       | private-network",
                "http://[fd00::7]/hook                        | private-network",
                "http://224.0.0.251/hook                      | multicast",
                "http://[ff02::1]/hook                        | multicast",
                "http://0.0.0.0:{port}/hook                   | unspecified",
                "http://[::]:{port}/hook                      | unspecified",
                "http://255.255.255.255/hook                  | broadcast",
            })
    void registrationRefusesTargetsInsideTheNetwork(String template, String reason) {
        WebhookTargets.resolveForThisTest(
                new WebhookTargets.TestResolver().answer("loopback.attacker.example", "93.184.215.14", "127.0.0.1"));
        Moderation.TestSite site = Moderation.newSite();
        String url = template.replace("{port}", Integer.toString(port())) + "?token=receiver-secret-123";
        as(site.admin())
                .body(Map.of("url", url, "eventTypes", List.of("comment.published")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("webhook_target_forbidden"))
                .body("detail", containsString(reason))
                .body("detail", not(containsString("receiver-secret-123")))
                .body("violations[0].field", equalTo("url"));
        as(site.admin()).get("/api/v1/webhooks").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aNameThatRebindsToLoopbackAfterRegistrationGetsNothingAndTheAttemptIsLoggedAsAFailure() throws Exception {
        WebhookTargets.TestResolver names = WebhookTargets.resolveForThisTest(
                new WebhookTargets.TestResolver().answer("rebind.attacker.example", "93.184.215.14"));
        Moderation.TestSite site = Moderation.newSite();
        String endpoint = as(site.admin())
                .body(Map.of(
                        "url",
                        "http://rebind.attacker.example:" + port() + "/hook",
                        "eventTypes",
                        List.of("comment.published")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("endpoint.id");
        names.answer("rebind.attacker.example", "127.0.0.1");
        site.comment("u", "a civil comment");
        dispatcher.dispatchDue();
        assertThat(hosts).isEmpty();
        as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .statusCode(200)
                .body("[0].status", equalTo("PENDING"))
                .body("[0].attempts", equalTo(1))
                .body("[0].lastStatus", nullValue())
                .body(
                        "[0].lastError",
                        equalTo("target forbidden: 127.0.0.1 (rebind.attacker.example resolves to "
                                + "it) is a loopback address; webhooks may only reach public addresses unless the operator "
                                + "sets commentguard.webhook.allow-private-targets=true"));
    }

    @Test
    void theOperatorOptInLetsAnOnPremisesReceiverOnLoopbackGetItsEventsByName() throws Exception {
        WebhookTargets.allowPrivateTargetsForThisTest();
        // A name only this test's resolver knows: the delivery can only arrive if it connects to the address the
        // policy checked instead of asking DNS again.
        WebhookTargets.resolveForThisTest(
                new WebhookTargets.TestResolver().answer("hooks.newsroom.internal", "127.0.0.1"));
        Moderation.TestSite site = Moderation.newSite();
        as(site.admin())
                .body(Map.of(
                        "url",
                        "http://hooks.newsroom.internal:" + port() + "/hook",
                        "eventTypes",
                        List.of("comment.published")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201);
        as(site.admin())
                .body(Map.of(
                        "url", "http://169.254.169.254/latest/meta-data", "eventTypes", List.of("comment.published")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("code", equalTo("webhook_target_forbidden"));
        site.comment("u", "a civil comment");
        dispatcher.dispatchDue();
        assertThat(hosts).containsExactly("hooks.newsroom.internal:" + port());
    }
}

package org.commentguard.webhook;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sender connects to the checked address, never resolving the name again, while Host, SNI and the
 * certificate check still use the name. The receiver is an HTTPS server on loopback with a certificate for a name
 * that no DNS knows, so a request that arrives proves the connection was pinned.
 */
class WebhookSenderTest {

    static final String NAME = "hooks.pinned.invalid";

    record Seen(String host, String sni, String path, String body) {}

    Vertx vertx;
    HttpServer server;

    @TempDir
    Path dir;

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    WebhookSender sender;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        PfxOptions keyStore = selfSigned(NAME);
        server = vertx.createHttpServer(
                        new HttpServerOptions().setSsl(true).setSni(true).setKeyCertOptions(keyStore))
                .requestHandler(request -> request.body().onSuccess(body -> {
                    seen.add(new Seen(
                            request.getHeader("Host"),
                            request.connection().indicatedServerName(),
                            request.uri(),
                            body.toString()));
                    if (request.path().equals("/moved")) {
                        request.response()
                                .setStatusCode(302)
                                .putHeader(
                                        "Location",
                                        "https://" + NAME + ":"
                                                + request.localAddress().port() + "/hook")
                                .end();
                    } else {
                        request.response().setStatusCode(204).end();
                    }
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        sender = new WebhookSender(vertx, Duration.ofSeconds(5), new HttpClientOptions().setTrustOptions(keyStore));
    }

    /** A key store with one certificate for {@code name}, made by the JDK's keytool (Netty's generator needs
     * internals that Java 17 closes). */
    PfxOptions selfSigned(String name) throws Exception {
        Path file = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "receiver",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=" + name,
                        "-ext",
                        "SAN=dns:" + name,
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(out).isZero();
        return new PfxOptions().setPath(file.toString()).setPassword("changeit");
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    WebhookTargetPolicy.PinnedTarget target(String host, String path) throws Exception {
        int port = server.actualPort();
        return new WebhookTargetPolicy.PinnedTarget(
                URI.create("https://" + host + ":" + port + path),
                true,
                host,
                port,
                path,
                InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void postsToThePinnedAddressWithTheNameInHostAndSni() throws Exception {
        int status = sender.post(
                target(NAME, "/hook?x=1"),
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json"),
                "{\"id\":1}");
        assertThat(status).isEqualTo(204);
        assertThat(seen).containsExactly(new Seen(NAME + ":" + server.actualPort(), NAME, "/hook?x=1", "{\"id\":1}"));
    }

    @Test
    void refusesACertificateThatDoesNotNameTheHost() throws Exception {
        assertThatThrownBy(() ->
                        sender.post(target("other.pinned.invalid", "/hook"), MultiMap.caseInsensitiveMultiMap(), "{}"))
                .isInstanceOf(java.io.IOException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void answersARedirectWithItsStatusInsteadOfFollowingIt() throws Exception {
        assertThat(sender.post(target(NAME, "/moved"), MultiMap.caseInsensitiveMultiMap(), "{}"))
                .isEqualTo(302);
        assertThat(seen).extracting(Seen::path).containsExactly("/moved");
    }
}

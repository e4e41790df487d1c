package org.commentguard.webhook;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one webhook request to the address the target policy checked. The connection goes to that IP address;
 * the Host header, TLS server name (SNI) and certificate check use the URL's host name, so HTTPS works as usual
 * while the name is never resolved a second time. Redirects are never followed.
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient client;
    private final Duration timeout;

    @Inject
    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this(vertx, config.requestTimeout(), new HttpClientOptions());
    }

    /** {@code options} lets tests trust their own certificate; everything that matters is set here. */
    WebhookSender(Vertx vertx, Duration timeout, HttpClientOptions options) {
        this.timeout = timeout;
        this.client = vertx.createHttpClient(options.setConnectTimeout((int) timeout.toMillis())
                .setIdleTimeout((int) Math.max(1, timeout.toSeconds()))
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxRedirects(0)
                .setTryUseCompression(false));
    }

    /** The receiver's HTTP status; an exception when no answer came. */
    public int post(WebhookTargetPolicy.PinnedTarget target, MultiMap headers, String body)
            throws java.io.IOException, InterruptedException {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(
                        target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setHeaders(headers)
                .setIdleTimeout(timeout.toMillis());
        try {
            // Only the status counts; the body of the answer is never read (the connection is not kept alive, so
            // it closes with it). Waiting for the response's end from this thread raced with the event loop that
            // ends it: response.end() then failed with an IllegalStateException, and the delivery with it.
            return client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .map(response -> response.statusCode())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(2 * timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new java.io.IOException(describe(cause), cause);
        } catch (TimeoutException e) {
            throw new java.io.IOException("no answer within " + timeout.toSeconds() + "s");
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}

package org.commentguard.integration.wordpress;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.commentguard.webhook.WebhookConfig;

import java.util.Arrays;
import java.util.Map;

/**
 * The end-to-end test's webhooks go to a WordPress on 127.0.0.1, which the service's SSRF guard refuses unless the
 * operator allows private targets ({@code commentguard.webhook.allow-private-targets}). This is a run-wide resource,
 * not a test profile: a second Quarkus start in the test JVM fails (the tokenizer's native library can be loaded by
 * one class loader only). The key is passed only where {@link WebhookConfig} knows it, because an unknown key under
 * a mapping's prefix fails start-up.
 */
public class LoopbackWebhooks implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        boolean guarded = Arrays.stream(WebhookConfig.class.getMethods())
                .anyMatch(m -> m.getName().equals("allowPrivateTargets"));
        return guarded ? Map.of("commentguard.webhook.allow-private-targets", "true") : Map.of();
    }

    @Override
    public void stop() {
        // Nothing was started.
    }
}

package org.commentguard.webhook;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusMock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test helpers for the webhook target policy. The suite runs with the production default
 * ({@code commentguard.webhook.allow-private-targets=false}), so every test that registers a URL is checked as a
 * real deployment would check it; a test that needs a receiver on loopback says so with
 * {@link #allowPrivateTargetsForThisTest()}, which installs the policy exactly as the operator switch builds it.
 */
public final class WebhookTargets {

    private WebhookTargets() {}

    /**
     * For the current test only: the policy of an operator who set allow-private-targets=true. It resolves through
     * the container's resolver, so a {@link #resolveForThisTest} answer applies to it too.
     */
    public static void allowPrivateTargetsForThisTest() {
        QuarkusMock.installMockForType(
                new WebhookTargetPolicy(
                        true, Arc.container().instance(HostResolver.class).get()),
                WebhookTargetPolicy.class);
    }

    /** A resolver whose answers the test controls (and may change between registration and delivery). */
    public static final class TestResolver extends HostResolver {
        private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

        public TestResolver answer(String host, String... addresses) {
            answers.put(host, List.of(addresses));
            return this;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            List<String> ips = answers.get(host);
            if (ips == null) {
                return super.resolve(host);
            }
            List<InetAddress> out = new java.util.ArrayList<>();
            for (String ip : ips) {
                out.add(InetAddress.getByName(ip));
            }
            return out;
        }
    }

    /** For the current test only: names resolve through {@code resolver}, under the configured policy. */
    public static TestResolver resolveForThisTest(TestResolver resolver) {
        QuarkusMock.installMockForType(resolver, HostResolver.class);
        return resolver;
    }
}

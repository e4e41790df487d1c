package org.commentguard.audit;

import io.vertx.core.http.HttpServerRequest;
import org.commentguard.platform.error.RequestIds;
import org.commentguard.site.Caller;

/**
 * Who performs an action and in which request: what every audit entry records about a human (or API) actor.
 *
 * @param actor     {@link Caller#actor()} of the key, or {@code system:...} for automatic actions
 * @param requestId the request id ({@code X-Request-Id}), {@code null} outside a request
 */
public record Acting(String actor, String requestId) {

    public static Acting of(Caller caller, HttpServerRequest request) {
        return new Acting(caller.actor(), RequestIds.of(request));
    }

    /** The automatic moderator: {@code system:<component>}. */
    public static Acting system(String component, String requestId) {
        return new Acting("system:" + component, requestId);
    }
}

package org.commentguard.webhook;

/** A webhook URL that points where the target policy does not let the service send requests. */
public class WebhookTargetForbiddenException extends RuntimeException {

    public WebhookTargetForbiddenException(String reason) {
        super(reason, null, false, false);
    }
}

package org.commentguard.webhook;

import java.util.List;

/** The event types a webhook endpoint can subscribe to. */
public final class WebhookEvents {

    public static final String COMMENT_PUBLISHED = "comment.published";
    public static final String COMMENT_REJECTED = "comment.rejected";
    public static final String COMMENT_QUEUED = "comment.queued";
    public static final String COMMENT_DECIDED = "comment.decided";
    public static final String AUTHOR_SANCTIONED = "author.sanctioned";
    /** An identity term's overturn rate passed the site's limit (see the identity-term monitor). */
    public static final String MONITOR_IDENTITY_ALERT = "monitor.identity_alert";

    public static final List<String> ALL = List.of(
            COMMENT_PUBLISHED,
            COMMENT_REJECTED,
            COMMENT_QUEUED,
            COMMENT_DECIDED,
            AUTHOR_SANCTIONED,
            MONITOR_IDENTITY_ALERT);

    private WebhookEvents() {}
}

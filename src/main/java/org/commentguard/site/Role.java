package org.commentguard.site;

/** What a site's API key may do. */
public enum Role {
    /** A site's backend: score, submit comments, register articles. */
    INGEST,
    /** Works the review queue and decides on comments. */
    MODERATOR,
    /** Site settings, keys and webhooks; may also do everything the other roles do on its own site. */
    ADMIN;

    public boolean grants(Role required) {
        return this == ADMIN || this == required;
    }

    /** Short tag embedded in the key so a leaked key is recognisable at a glance. */
    String tag() {
        return switch (this) {
            case INGEST -> "ing";
            case MODERATOR -> "mod";
            case ADMIN -> "adm";
        };
    }
}

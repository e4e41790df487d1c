package org.commentguard.author;

/** What a moderator can do to an author; {@code LIFT} removes ban, suspension and pre-moderation at once. */
public enum SanctionAction {
    BAN,
    UNBAN,
    SUSPEND,
    UNSUSPEND,
    PREMODERATE,
    UNPREMODERATE,
    TRUST,
    UNTRUST,
    LIFT
}

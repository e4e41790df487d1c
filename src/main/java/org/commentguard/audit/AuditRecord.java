package org.commentguard.audit;

import java.util.UUID;

/**
 * What to append to the audit log. {@code before} and {@code after} are small JSON-friendly values (maps,
 * strings) describing the state around the action.
 */
public record AuditRecord(
        UUID siteId,
        UUID commentId,
        UUID authorId,
        UUID reviewItemId,
        Acting acting,
        String action,
        Object before,
        Object after,
        String reason,
        String note,
        Integer policyVersion) {

    public static AuditRecord ofComment(
            UUID siteId,
            UUID commentId,
            Acting acting,
            String action,
            Object before,
            Object after,
            String reason,
            String note) {
        return new AuditRecord(siteId, commentId, null, null, acting, action, before, after, reason, note, null);
    }

    public AuditRecord withReviewItem(UUID itemId) {
        return new AuditRecord(
                siteId, commentId, authorId, itemId, acting, action, before, after, reason, note, policyVersion);
    }

    public AuditRecord withAuthor(UUID author) {
        return new AuditRecord(
                siteId, commentId, author, reviewItemId, acting, action, before, after, reason, note, policyVersion);
    }

    public AuditRecord withPolicyVersion(int version) {
        return new AuditRecord(
                siteId, commentId, authorId, reviewItemId, acting, action, before, after, reason, note, version);
    }
}

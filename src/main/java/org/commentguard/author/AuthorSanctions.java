package org.commentguard.author;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.NotFound;
import org.commentguard.webhook.WebhookEvents;
import org.commentguard.webhook.Webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Reads authors' records and applies sanctions, audited and announced in the same transaction. */
@ApplicationScoped
public class AuthorSanctions {

    private final Clock clock;
    private final AuthorHistory history;
    private final AuditLog audit;
    private final Webhooks webhooks;

    public AuthorSanctions(Clock clock, AuthorHistory history, AuditLog audit, Webhooks webhooks) {
        this.clock = clock;
        this.history = history;
        this.audit = audit;
        this.webhooks = webhooks;
    }

    public record AuthorView(
            String id,
            String name,
            Instant firstSeen,
            long published,
            long pending,
            long rejected,
            long recentComments,
            long recentRejected,
            double recentRejectionRate,
            boolean banned,
            Instant suspendedUntil,
            boolean suspended,
            boolean alwaysPremoderate,
            boolean trusted,
            String sanctionReason,
            String sanctionedBy,
            Instant sanctionedAt) {}

    public record SanctionRequest(String action, Instant until, String reason) {}

    @Transactional
    public AuthorView get(UUID siteId, String externalId) {
        return view(find(siteId, externalId), clock.instant());
    }

    @Transactional
    public AuthorView sanction(UUID siteId, String externalId, SanctionRequest request, Acting acting) {
        SanctionAction action = parse(request);
        Instant now = clock.instant();
        if (action == SanctionAction.SUSPEND
                && (request.until() == null || !request.until().isAfter(now))) {
            throw new Invalid("until", "a suspension needs an end in the future");
        }
        if (request.reason() == null
                || request.reason().isBlank()
                || request.reason().length() > 500) {
            throw new Invalid("reason", "must be 1 to 500 characters");
        }
        Author author = find(siteId, externalId);
        Map<String, Object> before = author.sanctions();
        author.sanction(action, request.until(), request.reason().strip(), acting.actor(), now);
        audit.append(new AuditRecord(
                siteId,
                null,
                author.id,
                null,
                acting,
                "author." + action.name().toLowerCase(),
                before,
                author.sanctions(),
                request.reason().strip(),
                null,
                null));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("authorId", author.externalId);
        data.put("action", action.name().toLowerCase());
        data.put("reason", author.sanctionReason);
        data.put("sanctions", author.sanctions());
        data.put("actor", acting.actor());
        webhooks.publish(siteId, WebhookEvents.AUTHOR_SANCTIONED, data);
        return view(author, now);
    }

    private static Author find(UUID siteId, String externalId) {
        return Author.byExternalId(siteId, externalId).orElseThrow(() -> new NotFound("Author " + externalId));
    }

    private static SanctionAction parse(SanctionRequest r) {
        try {
            String action = r.action() == null ? "" : r.action().trim();
            return SanctionAction.valueOf(action.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid(
                    "action",
                    "must be one of "
                            + java.util.Arrays.toString(SanctionAction.values()).toLowerCase(java.util.Locale.ROOT));
        }
    }

    private AuthorView view(Author a, Instant now) {
        AuthorHistory.Counts c = history.counts(a, now);
        return new AuthorView(
                a.externalId,
                a.name,
                a.createdAt,
                c.published(),
                c.pending(),
                c.rejected(),
                c.recent(),
                c.recentRejected(),
                Math.round(c.rejectionRate() * 1000.0) / 1000.0,
                a.banned,
                a.suspendedUntil,
                a.isSuspended(now),
                a.alwaysPremoderate,
                a.trusted,
                a.sanctionReason,
                a.sanctionedBy,
                a.sanctionedAt);
    }
}

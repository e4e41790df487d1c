package org.commentguard.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.platform.Json;
import org.commentguard.platform.failure.Invalid;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends to and reads the audit log. Appending requires the caller's transaction: the entry and the action
 * commit or fail together.
 */
@ApplicationScoped
public class AuditLog {

    static final int MAX_PAGE = 500;

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(AuditRecord record) {
        AuditEntry entry = new AuditEntry(record, toJson(record.before()), toJson(record.after()), clock.instant());
        entry.persist();
        return entry;
    }

    /** Entries of one site, oldest first, filtered by comment, actor and time range; {@code afterId} pages. */
    @Transactional
    public List<AuditEntry> search(
            UUID siteId, UUID commentId, String actor, Instant from, Instant to, Long afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new Invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        // Optional filters make a fixed named query awkward; every value is bound as a parameter.
        StringBuilder q = new StringBuilder("siteId = :site");
        Map<String, Object> p = new HashMap<>();
        p.put("site", siteId);
        if (commentId != null) {
            q.append(" and commentId = :comment");
            p.put("comment", commentId);
        }
        if (actor != null && !actor.isBlank()) {
            q.append(" and actor = :actor");
            p.put("actor", actor);
        }
        if (from != null) {
            q.append(" and createdAt >= :from");
            p.put("from", from);
        }
        if (to != null) {
            q.append(" and createdAt < :to");
            p.put("to", to);
        }
        if (afterId != null) {
            q.append(" and id > :after");
            p.put("after", afterId);
        }
        q.append(" order by id");
        return AuditEntry.<AuditEntry>find(q.toString(), p).page(0, limit).list();
    }

    private static String toJson(Object value) {
        return value == null ? null : value instanceof String s ? s : Json.write(value);
    }
}

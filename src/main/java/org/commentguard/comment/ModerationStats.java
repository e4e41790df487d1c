package org.commentguard.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Per-site moderation figures over a window of days. Aggregates run in PostgreSQL, not in memory. */
@ApplicationScoped
public class ModerationStats {

    private final Clock clock;

    public ModerationStats(Clock clock) {
        this.clock = clock;
    }

    public record DayCounts(LocalDate day, long published, long pending, long rejected) {}

    /**
     * @param reversalRate share of moderator decisions (in the window) on automatically published or rejected
     *                     comments that changed the automatic verdict; {@code null} without such decisions
     */
    public record Stats(
            Instant from,
            Instant to,
            List<DayCounts> verdictsPerDay,
            long queueDepth,
            long claimed,
            long escalated,
            Double medianSecondsToDecision,
            long decisions,
            Double reversalRate,
            long reversals,
            long reviewedAutomaticVerdicts) {}

    @Transactional
    public Stats of(UUID siteId, int days) {
        Instant to = clock.instant();
        Instant from = to.truncatedTo(ChronoUnit.DAYS).minus(days - 1L, ChronoUnit.DAYS);
        EntityManager em = Comment.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(date_trunc('day', created_at AT TIME ZONE 'UTC') "
                        + "AS date) AS day, auto_status, count(*) FROM comment WHERE site_id = ?1 AND created_at >= ?2 "
                        + "GROUP BY 1, 2 ORDER BY 1")
                .setParameter(1, siteId)
                .setParameter(2, from)
                .getResultList();
        Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
        for (Object[] r : rows) {
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            long[] c = perDay.computeIfAbsent(day, k -> new long[3]);
            c[CommentStatus.valueOf((String) r[1]).ordinal()] += ((Number) r[2]).longValue();
        }
        List<DayCounts> verdicts = new ArrayList<>();
        perDay.forEach((day, c) -> verdicts.add(new DayCounts(day, c[0], c[1], c[2])));

        Object[] queue = (Object[]) em.createNativeQuery("SELECT count(*), "
                        + "count(*) FILTER (WHERE claimed_by IS NOT NULL AND claim_expires_at > ?2), "
                        + "count(*) FILTER (WHERE escalated) FROM review_item WHERE site_id = ?1 AND state = 'OPEN'")
                .setParameter(1, siteId)
                .setParameter(2, to)
                .getSingleResult();
        Object[] decided = (Object[]) em.createNativeQuery("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "
                        + "EXTRACT(EPOCH FROM (r.decided_at - r.created_at))), count(*), "
                        + "count(*) FILTER (WHERE c.auto_status <> 'PENDING' AND c.status <> c.auto_status), "
                        + "count(*) FILTER (WHERE c.auto_status <> 'PENDING') "
                        + "FROM review_item r JOIN comment c ON c.id = r.comment_id WHERE r.site_id = ?1 "
                        + "AND r.state = 'DECIDED' AND r.decision IN ('APPROVE', 'REJECT') AND r.decided_at >= ?2")
                .setParameter(1, siteId)
                .setParameter(2, from)
                .getSingleResult();
        long reviewedAutomatic = ((Number) decided[3]).longValue();
        long reversals = ((Number) decided[2]).longValue();
        return new Stats(
                from,
                to,
                verdicts,
                ((Number) queue[0]).longValue(),
                ((Number) queue[1]).longValue(),
                ((Number) queue[2]).longValue(),
                decided[0] == null ? null : ((Number) decided[0]).doubleValue(),
                ((Number) decided[1]).longValue(),
                reviewedAutomatic == 0 ? null : (double) reversals / reviewedAutomatic,
                reversals,
                reviewedAutomatic);
    }
}

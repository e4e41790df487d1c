package org.commentguard.learning;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.comment.Comment;
import org.commentguard.scoring.IdentityTerms;
import org.commentguard.site.Site;
import org.commentguard.webhook.WebhookEvents;
import org.commentguard.webhook.Webhooks;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The live identity-term monitor: for comments that mention an identity term ({@link IdentityTerms}), the share
 * the service flagged (queued or rejected) and the share of decided flags that moderators overturned (approved),
 * per term and week. A term whose overturn rate passes the site's limit, on enough decisions, raises an alert: in
 * the report, and once per site, term and week as webhook event {@code monitor.identity_alert}. Comments held
 * while new model versions were in shadow ({@link ModelAcceptance}) are left out: no automatic verdict decided them.
 */
@ApplicationScoped
public class IdentityMonitor {

    private static final Logger LOG = Logger.getLogger(IdentityMonitor.class);

    private final LearningSettings settings;
    private final DecisionExamples examples;
    private final Webhooks webhooks;
    private final Clock clock;

    public IdentityMonitor(LearningSettings settings, DecisionExamples examples, Webhooks webhooks, Clock clock) {
        this.settings = settings;
        this.examples = examples;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** One term in one week; rates are null when there is nothing to divide by. */
    public record TermWeek(
            String term,
            int mentions,
            int flagged,
            Double flagRate,
            int decidedFlagged,
            int overturned,
            Wilson.Interval overturnRate,
            boolean alert) {}

    public record Week(LocalDate week, int comments, int mentioning, List<TermWeek> terms) {}

    public record Alert(
            LocalDate week, String term, double overturnRate, int decidedFlagged, int overturned, double limit) {}

    public record Report(
            double overturnLimit, int minDecisions, boolean truncated, List<Week> weeks, List<Alert> alerts) {}

    @Transactional
    public Report report(UUID siteId, int weekCount) {
        LearningConfig.Identity config = settings.config().identity();
        double limit = settings.effective(siteId).identityOverturnLimit();
        LocalDate thisWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(weekCount - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Comment.getEntityManager()
                .createNativeQuery("SELECT id, text, auto_status, created_at "
                        + "FROM comment WHERE site_id = ?1 AND created_at >= ?2 AND reasons NOT LIKE ?4 "
                        + "ORDER BY created_at DESC, id DESC LIMIT ?3")
                .setParameter(1, siteId)
                .setParameter(2, from)
                .setParameter(3, config.maxComments() + 1)
                // Comments held while new model versions were in shadow got no automatic verdict to measure.
                .setParameter(4, "%\"" + ModelAcceptance.IN_SHADOW.replace("_", "\\_") + "\"%")
                .getResultList();
        boolean truncated = rows.size() > config.maxComments();
        Map<UUID, Boolean> labels = examples.labelsSince(siteId, from);
        // week -> term -> {mentions, flagged, decidedFlagged, overturned}; comments per week and those mentioning
        Map<LocalDate, Map<String, int[]>> counts = new TreeMap<>();
        Map<LocalDate, int[]> totals = new TreeMap<>();
        for (int i = 0; i < weekCount; i++) {
            counts.put(first.plusWeeks(i), new TreeMap<>());
            totals.put(first.plusWeeks(i), new int[2]);
        }
        for (Object[] r : rows.subList(0, Math.min(rows.size(), config.maxComments()))) {
            LocalDate week = LocalDate.ofInstant(DecisionExamples.instant(r[3]), ZoneOffset.UTC)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<String> terms = IdentityTerms.mentioned((String) r[1]);
            int[] total = totals.get(week);
            if (total == null) {
                continue;
            }
            total[0]++;
            total[1] += terms.isEmpty() ? 0 : 1;
            boolean flagged = !"PUBLISHED".equals(r[2]);
            Boolean rejected = labels.get((UUID) r[0]);
            for (String term : terms) {
                int[] c = counts.get(week).computeIfAbsent(term, t -> new int[4]);
                c[0]++;
                if (flagged) {
                    c[1]++;
                    if (rejected != null) {
                        c[2]++;
                        c[3] += rejected ? 0 : 1;
                    }
                }
            }
        }
        List<Week> weeks = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        counts.forEach((week, terms) -> {
            List<TermWeek> out = new ArrayList<>();
            terms.forEach((term, c) -> {
                Wilson.Interval overturn = Wilson.of(c[3], c[2]);
                boolean alert = c[2] >= config.minDecisions() && overturn.estimate() > limit;
                out.add(new TermWeek(term, c[0], c[1], (double) c[1] / c[0], c[2], c[3], overturn, alert));
                if (alert) {
                    alerts.add(new Alert(week, term, overturn.estimate(), c[2], c[3], limit));
                }
            });
            weeks.add(new Week(week, totals.get(week)[0], totals.get(week)[1], out));
        });
        return new Report(limit, config.minDecisions(), truncated, weeks, alerts);
    }

    /**
     * Records this and last week's alerts of a site and publishes {@code monitor.identity_alert} for each one not
     * sent before; answers the alerts newly sent.
     */
    @Transactional
    public List<Alert> notifyAlerts(UUID siteId) {
        List<Alert> sent = new ArrayList<>();
        for (Alert a : report(siteId, 2).alerts()) {
            int inserted = Comment.getEntityManager()
                    .createNativeQuery("INSERT INTO identity_alert (site_id, term, "
                            + "week, overturn_rate, flagged, overturned, created_at) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
                    .setParameter(1, siteId)
                    .setParameter(2, a.term())
                    .setParameter(3, a.week())
                    .setParameter(4, a.overturnRate())
                    .setParameter(5, a.decidedFlagged())
                    .setParameter(6, a.overturned())
                    .setParameter(7, clock.instant())
                    .executeUpdate();
            if (inserted == 1) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("term", a.term());
                data.put("week", a.week().toString());
                data.put("overturnRate", a.overturnRate());
                data.put("decidedFlagged", a.decidedFlagged());
                data.put("overturned", a.overturned());
                data.put("limit", a.limit());
                webhooks.publish(siteId, WebhookEvents.MONITOR_IDENTITY_ALERT, data);
                sent.add(a);
            }
        }
        return sent;
    }

    @Scheduled(
            every = "${commentguard.learning.identity.every:1h}",
            delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        List<UUID> sites = QuarkusTransaction.requiringNew()
                .call(() -> Site.<Site>listAll().stream().map(s -> s.id).toList());
        for (UUID site : sites) {
            try {
                notifyAlerts(site);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Identity monitor failed for site %s; it is retried on the next round", site);
            }
        }
    }
}

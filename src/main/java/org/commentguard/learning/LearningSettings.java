package org.commentguard.learning;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;

import java.time.Clock;
import java.util.UUID;

/**
 * The one class that merges {@link LearningConfig}'s service-wide defaults with a site's stored overrides, and that
 * stores new overrides. Invalid defaults stop start-up.
 */
@ApplicationScoped
@Startup
public class LearningSettings {

    /**
     * A site's learning overrides ({@code null}: the service default).
     *
     * @param enabledModelVersion the site verdict model the policy uses as attribute {@code site_reject}; {@code null}
     *                            leaves the attribute off
     * @param siteRejectReview    {@code site_reject} probability from which a comment is queued
     * @param siteRejectReject    {@code site_reject} probability from which a comment is rejected (above 1: never)
     * @param sampleShare         share of automatic verdicts that go to the blind sample, 0 to 1
     * @param sampleDailyCap      most blind sample items per UTC day
     * @param identityOverturnLimit overturn rate above which an identity term raises an alert
     * @param exportTextDays      comment text is exported only for comments younger than this many days
     */
    public record Overrides(
            Integer enabledModelVersion,
            Double siteRejectReview,
            Double siteRejectReject,
            Double sampleShare,
            Integer sampleDailyCap,
            Double identityOverturnLimit,
            Integer exportTextDays) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null);
    }

    /** The settings in force; only {@code enabledModelVersion} and {@code exportTextDays} may be null. */
    public record Effective(
            Integer enabledModelVersion,
            double siteRejectReview,
            double siteRejectReject,
            double sampleShare,
            int sampleDailyCap,
            double identityOverturnLimit,
            Integer exportTextDays) {}

    public record View(UUID siteId, Overrides overrides, Effective effective) {}

    private final LearningConfig config;
    private final Clock clock;
    private final AuditLog audit;

    public LearningSettings(LearningConfig config, Clock clock, AuditLog audit) {
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        try {
            check(new Overrides(
                    null,
                    config.siteReject().review(),
                    config.siteReject().reject(),
                    config.sample().share(),
                    config.sample().dailyCap(),
                    config.identity().overturnLimit(),
                    config.exportTextDays().orElse(null)));
        } catch (LearningExceptions.InvalidLearningInput e) {
            throw new IllegalStateException("commentguard.learning: " + e.getMessage());
        }
        if (config.fit().minDecisions() < 2
                || config.fit().minPerOutcome() < 1
                || config.fit().maxExamples() < config.fit().minDecisions()
                || config.fit().refitAfter() < 1) {
            throw new IllegalStateException("commentguard.learning.fit: min-decisions >= 2, min-per-outcome >= 1, "
                    + "max-examples >= min-decisions and refit-after >= 1 are required");
        }
        if (config.identity().minDecisions() < 1
                || config.identity().maxComments() < 1
                || config.advice().maxComments() < 1
                || config.advice().minEvidence() < 1) {
            throw new IllegalStateException("commentguard.learning: identity.min-decisions, identity.max-comments, "
                    + "advice.max-comments and advice.min-evidence must be at least 1");
        }
    }

    public LearningConfig config() {
        return config;
    }

    @Transactional
    public View view(UUID siteId) {
        Overrides o = SiteLearning.of(siteId).map(LearningSettings::overridesOf).orElse(Overrides.NONE);
        return new View(siteId, o, merge(o));
    }

    @Transactional
    public Effective effective(UUID siteId) {
        return view(siteId).effective();
    }

    /** Replaces the site's overrides as a whole and audits the change. */
    @Transactional
    public View replace(UUID siteId, Overrides overrides, Acting acting) {
        Overrides o = overrides == null ? Overrides.NONE : overrides;
        check(o);
        if (o.enabledModelVersion() != null
                && SiteVerdictModel.of(siteId, o.enabledModelVersion()).isEmpty()) {
            throw new LearningExceptions.InvalidLearningInput(
                    "enabledModelVersion", "the site has no verdict model version " + o.enabledModelVersion());
        }
        Effective merged = merge(o);
        if (merged.siteRejectReview() > merged.siteRejectReject()) {
            throw new LearningExceptions.InvalidLearningInput("siteRejectReview", "must not be above siteRejectReject");
        }
        SiteLearning row = SiteLearning.<SiteLearning>findByIdOptional(siteId, LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        Overrides before = row == null ? Overrides.NONE : overridesOf(row);
        if (row == null) {
            row = new SiteLearning(siteId);
        }
        row.enabledModelVersion = o.enabledModelVersion();
        row.siteRejectReview = o.siteRejectReview();
        row.siteRejectReject = o.siteRejectReject();
        row.sampleShare = o.sampleShare();
        row.sampleDailyCap = o.sampleDailyCap();
        row.identityOverturnLimit = o.identityOverturnLimit();
        row.exportTextDays = o.exportTextDays();
        row.updatedAt = clock.instant();
        row.updatedBy = acting.actor();
        try {
            row.persistAndFlush();
        } catch (RuntimeException e) {
            if (org.commentguard.platform.db.Constraints.isUniqueViolation(e)) {
                throw new LearningExceptions.ConcurrentLearningChange(
                        "The learning settings were changed " + "concurrently; read them and retry");
            }
            throw e;
        }
        audit.append(
                new AuditRecord(siteId, null, null, null, acting, "learning.updated", before, o, null, null, null));
        return new View(siteId, o, merged);
    }

    private Effective merge(Overrides o) {
        return new Effective(
                o.enabledModelVersion(),
                or(o.siteRejectReview(), config.siteReject().review()),
                or(o.siteRejectReject(), config.siteReject().reject()),
                or(o.sampleShare(), config.sample().share()),
                o.sampleDailyCap() != null
                        ? o.sampleDailyCap()
                        : config.sample().dailyCap(),
                or(o.identityOverturnLimit(), config.identity().overturnLimit()),
                o.exportTextDays() != null
                        ? o.exportTextDays()
                        : config.exportTextDays().orElse(null));
    }

    private static void check(Overrides o) {
        unit("siteRejectReview", o.siteRejectReview(), 1.01);
        unit("siteRejectReject", o.siteRejectReject(), 1.01);
        unit("sampleShare", o.sampleShare(), 1.0);
        unit("identityOverturnLimit", o.identityOverturnLimit(), 1.0);
        range("sampleDailyCap", o.sampleDailyCap(), 0, 100_000);
        range("exportTextDays", o.exportTextDays(), 0, 36_500);
        range("enabledModelVersion", o.enabledModelVersion(), 1, Integer.MAX_VALUE);
    }

    private static void unit(String field, Double v, double max) {
        if (v != null && (v.isNaN() || v < 0 || v > max)) {
            throw new LearningExceptions.InvalidLearningInput(field, "must be between 0 and " + max);
        }
    }

    private static void range(String field, Integer v, int min, int max) {
        if (v != null && (v < min || v > max)) {
            throw new LearningExceptions.InvalidLearningInput(field, "must be between " + min + " and " + max);
        }
    }

    private static double or(Double v, double fallback) {
        return v != null ? v : fallback;
    }

    private static Overrides overridesOf(SiteLearning r) {
        return new Overrides(
                r.enabledModelVersion,
                r.siteRejectReview,
                r.siteRejectReject,
                r.sampleShare,
                r.sampleDailyCap,
                r.identityOverturnLimit,
                r.exportTextDays);
    }
}

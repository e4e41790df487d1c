package org.commentguard.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.comment.LearnedVerdicts;
import org.commentguard.platform.db.Constraints;
import org.commentguard.policy.PolicyAction;
import org.commentguard.policy.Verdict;
import org.commentguard.site.SiteCreated;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which model versions decide a site's verdicts. A site accepts its first versions (at creation, or the first time
 * the service sees it). With {@code commentguard.models.shadow=true}, running versions the site has not accepted
 * decide nothing there until an admin accepts them: every automatic verdict is queued with reason
 * {@value #IN_SHADOW}, while the scores are still computed and stored with the running versions and the re-scoring
 * report ({@link ModelRescoring}) shows what they would decide. Without shadow the running versions are accepted
 * automatically at the site's next comment.
 */
@ApplicationScoped
public class ModelAcceptance {

    /** The verdict reason of a comment queued because the running model versions are in shadow on its site. */
    public static final String IN_SHADOW = "models.in_shadow";

    static final String ACCEPTED = "models.accepted";
    private static final String FIRST_SEEN = "system:first-seen";

    private final RunningModels models;
    private final ModelRescoring rescoring;
    private final AuditLog audit;
    private final Clock clock;

    public ModelAcceptance(RunningModels models, ModelRescoring rescoring, AuditLog audit, Clock clock) {
        this.models = models;
        this.rescoring = rescoring;
        this.audit = audit;
        this.clock = clock;
    }

    /** The newest re-scoring job of the site for the running versions, without its list of changes. */
    public record RescoreSummary(
            UUID jobId,
            String state,
            Instant createdAt,
            int evaluated,
            int changed,
            Map<String, Integer> before,
            Map<String, Integer> after) {}

    /**
     * @param accepted          null until the site's first versions are recorded (at its next comment)
     * @param pendingAcceptance shadow is on and the running versions are not the accepted ones: every automatic
     *                          verdict of the site is queued with reason {@value #IN_SHADOW}
     * @param changed           the models whose running version is not the accepted one
     * @param rescoring         the evidence for the running versions, or null when no job re-scored the site for them
     */
    public record ModelsView(
            UUID siteId,
            boolean shadow,
            Map<String, String> running,
            Map<String, String> accepted,
            Instant acceptedAt,
            String acceptedBy,
            boolean pendingAcceptance,
            List<String> changed,
            RescoreSummary rescoring) {}

    void onSiteCreated(@Observes SiteCreated created) {
        new SiteModelAcceptance(created.siteId(), models.versions(), created.createdAt(), FIRST_SEEN).persist();
    }

    /**
     * The verdict as it came, or, while shadow is on and the running versions are not the site's accepted ones, the
     * same verdict queued with reason {@value #IN_SHADOW} first (the others are kept, so a moderator sees what the
     * new versions concluded). Call inside the verdict's transaction.
     */
    public LearnedVerdicts.Applied hold(UUID siteId, LearnedVerdicts.Applied applied) {
        Map<String, String> running = models.versions();
        String stored = acceptedOrFirst(siteId, running);
        if (SiteModelAcceptance.read(stored).equals(running)) {
            return applied;
        }
        if (!models.shadow()) {
            acceptAutomatically(siteId, stored, running);
            return applied;
        }
        Verdict v = applied.verdict();
        List<String> reasons = new ArrayList<>(v.reasons().size() + 1);
        reasons.add(IN_SHADOW);
        reasons.addAll(v.reasons());
        return new LearnedVerdicts.Applied(
                applied.result(), new Verdict(PolicyAction.REVIEW, reasons, null, v.censorRanges()));
    }

    /** The stored JSON of the site's accepted versions, recording {@code running} as its first ones if none are. */
    private String acceptedOrFirst(UUID siteId, Map<String, String> running) {
        List<?> rows = SiteModelAcceptance.getEntityManager()
                .createNativeQuery("SELECT models FROM site_model_acceptance WHERE site_id = ?1")
                .setParameter(1, siteId)
                .getResultList();
        if (!rows.isEmpty()) {
            return (String) rows.get(0);
        }
        // Two first comments may race: the loser's insert does nothing and it reads the winner's row.
        SiteModelAcceptance.getEntityManager()
                .createNativeQuery("INSERT INTO site_model_acceptance (site_id, models, accepted_at, accepted_by) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (site_id) DO NOTHING")
                .setParameter(1, siteId)
                .setParameter(2, SiteModelAcceptance.json(running))
                .setParameter(3, clock.instant())
                .setParameter(4, FIRST_SEEN)
                .executeUpdate();
        return (String) SiteModelAcceptance.getEntityManager()
                .createNativeQuery("SELECT models FROM site_model_acceptance WHERE site_id = ?1")
                .setParameter(1, siteId)
                .getSingleResult();
    }

    /**
     * Without shadow the running versions decide at once, so they become the accepted ones. The update is
     * conditional on the row read, so that of concurrent comments exactly one replaces it and audits the change.
     */
    private void acceptAutomatically(UUID siteId, String stored, Map<String, String> running) {
        Acting system = Acting.system("models", null);
        int updated = SiteModelAcceptance.getEntityManager()
                .createNativeQuery("UPDATE site_model_acceptance SET models = ?1, accepted_at = ?2, accepted_by = ?3 "
                        + "WHERE site_id = ?4 AND models = ?5")
                .setParameter(1, SiteModelAcceptance.json(running))
                .setParameter(2, clock.instant())
                .setParameter(3, system.actor())
                .setParameter(4, siteId)
                .setParameter(5, stored)
                .executeUpdate();
        if (updated == 1) {
            appendAccepted(siteId, SiteModelAcceptance.read(stored), running, system);
        }
    }

    /**
     * Accepts the running versions for the site, which must be exactly {@code versions}, so that an admin never
     * accepts versions they did not see. Accepting the versions already accepted changes nothing and audits nothing.
     *
     * @throws LearningExceptions.VersionsChanged when {@code versions} are not the running ones
     */
    @Transactional
    public ModelsView accept(UUID siteId, Map<String, String> versions, Acting acting) {
        if (versions == null || versions.isEmpty()) {
            throw new LearningExceptions.InvalidLearningInput(
                    "versions", "must name the version of every running model");
        }
        Map<String, String> running = models.versions();
        if (!running.equals(versions)) {
            throw new LearningExceptions.VersionsChanged();
        }
        SiteModelAcceptance row = SiteModelAcceptance.<SiteModelAcceptance>findByIdOptional(
                        siteId, LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        Map<String, String> before = row == null ? null : row.versions();
        if (!running.equals(before)) {
            Instant now = clock.instant();
            if (row == null) {
                row = new SiteModelAcceptance(siteId, running, now, acting.actor());
            } else {
                row.accept(running, now, acting.actor());
            }
            try {
                row.persistAndFlush();
            } catch (RuntimeException e) {
                if (Constraints.isUniqueViolation(e)) {
                    throw new LearningExceptions.ConcurrentLearningChange(
                            "The site's first model versions were recorded concurrently; read them and retry");
                }
                throw e;
            }
            appendAccepted(siteId, before, running, acting);
        }
        return view(siteId);
    }

    private void appendAccepted(UUID siteId, Map<String, String> before, Map<String, String> after, Acting acting) {
        audit.append(new AuditRecord(
                siteId,
                null,
                null,
                null,
                acting,
                ACCEPTED,
                before == null ? null : Map.of("models", before),
                Map.of("models", after),
                null,
                null,
                null));
    }

    /** The site's running and accepted versions, whether they wait for acceptance, and the re-scoring evidence. */
    @Transactional
    public ModelsView view(UUID siteId) {
        Map<String, String> running = models.versions();
        SiteModelAcceptance row = SiteModelAcceptance.findById(siteId);
        Map<String, String> accepted = row == null ? null : row.versions();
        List<String> changed = new ArrayList<>();
        if (accepted != null) {
            TreeSet<String> names = new TreeSet<>(running.keySet());
            names.addAll(accepted.keySet());
            for (String name : names) {
                if (!Objects.equals(running.get(name), accepted.get(name))) {
                    changed.add(name);
                }
            }
        }
        RescoreSummary evidence = rescoring.jobs(siteId, 1).stream()
                .filter(j -> j.modelsAfter().equals(running))
                .findFirst()
                .map(j -> new RescoreSummary(
                        j.id(),
                        j.state(),
                        j.createdAt(),
                        j.report().evaluated(),
                        j.report().changed(),
                        j.report().before(),
                        j.report().after()))
                .orElse(null);
        return new ModelsView(
                siteId,
                models.shadow(),
                running,
                accepted,
                row == null ? null : row.acceptedAt,
                row == null ? null : row.acceptedBy,
                models.shadow() && !changed.isEmpty(),
                changed,
                evidence);
    }
}

package org.commentguard.learning;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.comment.Comment;
import org.commentguard.comment.LearnedVerdicts;
import org.commentguard.platform.Json;
import org.commentguard.platform.db.Constraints;
import org.commentguard.policy.PolicyAction;
import org.commentguard.policy.Verdict;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.Signal;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-site verdict models: fits them (on demand and on a schedule), lists them with their held-out figures, and
 * applies the enabled one to new comments as attribute {@value #ATTRIBUTE}. The model only ever makes a verdict
 * stricter: at or above the site's review threshold a comment is queued, and it is rejected only when the admin has
 * set a reject threshold of at most 1.
 */
@ApplicationScoped
public class SiteVerdicts {

    public static final String ATTRIBUTE = "site_reject";
    private static final Logger LOG = Logger.getLogger(SiteVerdicts.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Double>> DOUBLES = new TypeReference<>() {};

    /** A fitted version and how it did on the site's held-out decisions. */
    public record ModelView(
            int version,
            String model,
            Instant createdAt,
            String createdBy,
            int examples,
            SiteVerdictTraining.Metrics heldOut,
            boolean enabled) {}

    /** Weights aligned with {@link VerdictFeatures#NAMES}: stored names are matched, so old versions still load. */
    private record Loaded(String name, double[] weights) {}

    private final DecisionExamples examples;
    private final LearningSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    /** Versions are immutable, so a loaded model never goes stale; keyed by site and version. */
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    public SiteVerdicts(DecisionExamples examples, LearningSettings settings, AuditLog audit, Clock clock) {
        this.examples = examples;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Fits the next version on the site's own decisions (and no other site's) and audits it. The new version is
     * not used until an admin enables it.
     *
     * @throws LearningExceptions.NotEnoughDecisions below the configured bar
     */
    public ModelView fit(UUID siteId, Acting acting) {
        LearningConfig.Fit bar = settings.config().fit();
        DecisionExamples.Counts counts = examples.counts(siteId);
        if (counts.total() < bar.minDecisions()
                || counts.approved() < bar.minPerOutcome()
                || counts.rejected() < bar.minPerOutcome()) {
            throw new LearningExceptions.NotEnoughDecisions(
                    counts.total(), counts.approved(), counts.rejected(), bar.minDecisions(), bar.minPerOutcome());
        }
        List<SiteVerdictTraining.Example> rows = examples.forFit(siteId, bar.maxExamples());
        // Fitting runs outside any transaction: no connection is held while the Newton steps run.
        SiteVerdictTraining.Fitted fitted = SiteVerdictTraining.fit(rows);
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(siteId, rows.size(), fitted, acting));
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new LearningExceptions.ConcurrentLearningChange("Another fit of this site finished first");
            }
            throw e;
        }
    }

    private ModelView store(UUID siteId, int n, SiteVerdictTraining.Fitted fitted, Acting acting) {
        int version = SiteVerdictModel.ofSite(siteId, 1).stream()
                .findFirst()
                .map(m -> m.version + 1)
                .orElse(1);
        List<Double> weights = new ArrayList<>();
        for (double w : fitted.weights()) {
            weights.add(w);
        }
        SiteVerdictModel m = new SiteVerdictModel(
                siteId,
                version,
                Json.write(VerdictFeatures.NAMES),
                Json.write(weights),
                Json.write(fitted.metrics()),
                n,
                clock.instant(),
                acting.actor());
        m.persistAndFlush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("model", SiteVerdictModel.name(siteId, version));
        after.put("examples", n);
        after.put("heldOut", fitted.metrics());
        audit.append(
                new AuditRecord(siteId, null, null, null, acting, "site_model.fitted", null, after, null, null, null));
        return view(m, settings.effective(siteId).enabledModelVersion());
    }

    @Transactional
    public List<ModelView> list(UUID siteId, int limit) {
        Integer enabled = settings.effective(siteId).enabledModelVersion();
        return SiteVerdictModel.ofSite(siteId, limit).stream()
                .map(m -> view(m, enabled))
                .toList();
    }

    private static ModelView view(SiteVerdictModel m, Integer enabled) {
        return new ModelView(
                m.version,
                SiteVerdictModel.name(m.siteId, m.version),
                m.createdAt,
                m.createdBy,
                m.examples,
                Json.read(m.metrics, SiteVerdictTraining.Metrics.class),
                enabled != null && enabled == m.version);
    }

    /**
     * Applies the site's enabled model, if any, to a comment's scores and verdict; call inside a transaction. The
     * score appears as {@value #ATTRIBUTE} with its model version in {@code models}.
     */
    public LearnedVerdicts.Applied apply(UUID siteId, ScoreResult result, Verdict verdict) {
        LearningSettings.Effective s = settings.effective(siteId);
        if (s.enabledModelVersion() == null) {
            return new LearnedVerdicts.Applied(result, verdict);
        }
        Loaded model = loaded.computeIfAbsent(
                siteId + "#" + s.enabledModelVersion(), k -> load(siteId, s.enabledModelVersion()));
        double p = LogisticFit.predict(model.weights(), VerdictFeatures.of(result.scores(), verdict.reasons()));
        return new LearnedVerdicts.Applied(withScore(result, model.name(), p), adjust(verdict, p, s));
    }

    public static ScoreResult withScore(ScoreResult result, String model, double p) {
        Map<String, Double> scores = new LinkedHashMap<>(result.scores());
        scores.put(ATTRIBUTE, p);
        Map<String, String> models = new LinkedHashMap<>(result.models());
        models.put(ATTRIBUTE, model);
        List<Signal> signals = new ArrayList<>(result.signals());
        signals.add(Signal.of(ATTRIBUTE, model, Map.of(ATTRIBUTE, p), List.of(), List.of()));
        return new ScoreResult(
                result.language(), scores, result.spans(), result.reasons(), models, result.details(), signals);
    }

    /** Stricter only: the model can queue or (when the admin allows it) reject, never publish. */
    public static Verdict adjust(Verdict verdict, double p, LearningSettings.Effective s) {
        PolicyAction step = p >= s.siteRejectReject()
                ? PolicyAction.REJECT
                : p >= s.siteRejectReview() ? PolicyAction.REVIEW : PolicyAction.PUBLISH;
        if (step == PolicyAction.PUBLISH) {
            return verdict;
        }
        List<String> reasons = new ArrayList<>(verdict.reasons());
        reasons.add(ATTRIBUTE + (step == PolicyAction.REJECT ? ".reject" : ".review"));
        PolicyAction action = verdict.action().max(step);
        String decisive = action == verdict.action() ? verdict.decisiveScore() : ATTRIBUTE;
        return new Verdict(action, reasons, decisive, verdict.censorRanges());
    }

    private static Loaded load(UUID siteId, int version) {
        SiteVerdictModel m = SiteVerdictModel.of(siteId, version)
                .orElseThrow(() -> new LearningExceptions.UnknownSiteModel(version));
        List<String> names = Json.read(m.features, STRINGS);
        List<Double> stored = Json.read(m.weights, DOUBLES);
        double[] w = new double[VerdictFeatures.NAMES.size() + 1];
        for (int i = 0; i < names.size(); i++) {
            int at = VerdictFeatures.NAMES.indexOf(names.get(i));
            if (at >= 0) {
                w[at] = stored.get(i);
            }
        }
        w[w.length - 1] = stored.get(stored.size() - 1);
        return new Loaded(SiteVerdictModel.name(siteId, version), w);
    }

    /** Refits every site with enough decisions and enough new ones since its last fit. */
    @Scheduled(
            every = "${commentguard.learning.fit.every:6h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFit() {
        for (UUID siteId : QuarkusTransaction.requiringNew().call(this::sitesToRefit)) {
            try {
                ModelView v = fit(siteId, Acting.system("site-verdict", null));
                LOG.infof("Fitted %s on %d decisions", v.model(), v.examples());
            } catch (LearningExceptions.NotEnoughDecisions | LearningExceptions.ConcurrentLearningChange e) {
                LOG.debugf("Site %s not refitted: %s", siteId, e.getMessage());
            }
        }
    }

    /** Sites at the bar without a model, or whose decisions since their newest model reach {@code refit-after}. */
    List<UUID> sitesToRefit() {
        LearningConfig.Fit bar = settings.config().fit();
        @SuppressWarnings("unchecked")
        List<UUID> sites = Comment.getEntityManager()
                .createNativeQuery("SELECT d.site_id FROM decision_example d "
                        + "LEFT JOIN (SELECT site_id, max(created_at) AS fitted FROM site_verdict_model "
                        + "GROUP BY site_id) m "
                        + "ON m.site_id = d.site_id GROUP BY d.site_id, m.fitted HAVING count(*) >= ?1 "
                        + "AND count(*) FILTER (WHERE d.label = 'APPROVE') >= ?2 "
                        + "AND count(*) FILTER (WHERE d.label = 'REJECT') >= ?2 "
                        + "AND (m.fitted IS NULL OR count(*) FILTER (WHERE d.decided_at > m.fitted) >= ?3)")
                .setParameter(1, bar.minDecisions())
                .setParameter(2, bar.minPerOutcome())
                .setParameter(3, bar.refitAfter())
                .getResultList();
        return sites;
    }
}

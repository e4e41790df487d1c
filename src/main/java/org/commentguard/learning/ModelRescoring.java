package org.commentguard.learning;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.commentguard.article.Article;
import org.commentguard.author.Author;
import org.commentguard.author.AuthorHistory;
import org.commentguard.comment.Comment;
import org.commentguard.comment.CommentStatus;
import org.commentguard.platform.Json;
import org.commentguard.policy.PolicyDryRun;
import org.commentguard.policy.PolicySpans;
import org.commentguard.policy.SitePolicies;
import org.commentguard.policy.SitePolicy;
import org.commentguard.policy.Verdict;
import org.commentguard.policy.VerdictPolicy;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringPipeline;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.profanity.ProfanityScorer;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Re-scoring on a model change. When the service starts with other model versions than it last started with, each
 * site with recent comments gets a job that re-scores its last {@code rescore.days} days (at most
 * {@code rescore.max-comments}) with the new models and the site's policy in force, and reports the verdicts that
 * would flip, in the shape of the policy dry run. Stored verdicts are not changed. A job stores its position after
 * every batch, so a restart resumes where it stopped.
 */
@ApplicationScoped
public class ModelRescoring {

    static final int MAX_CHANGES = 2000;
    private static final Logger LOG = Logger.getLogger(ModelRescoring.class);
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};
    private static final TypeReference<List<PolicyDryRun.Change>> CHANGES = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> MODELS = new TypeReference<>() {};

    private final ScoringPipeline pipeline;
    private final SitePolicies policies;
    private final SiteVerdicts siteVerdicts;
    private final AuthorHistory history;
    private final LearningSettings settings;
    private final Clock clock;
    private final ProfanityScorer profanity;

    public ModelRescoring(
            ScoringPipeline pipeline,
            SitePolicies policies,
            SiteVerdicts siteVerdicts,
            AuthorHistory history,
            LearningSettings settings,
            Clock clock,
            ProfanityScorer profanity) {
        this.profanity = profanity;
        this.pipeline = pipeline;
        this.policies = policies;
        this.siteVerdicts = siteVerdicts;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /** A job and its verdict-flip report. */
    public record JobView(
            UUID id,
            String state,
            Map<String, String> modelsBefore,
            Map<String, String> modelsAfter,
            Instant since,
            int maxComments,
            Instant createdAt,
            Instant finishedAt,
            PolicyDryRun.Report report) {}

    void onStart(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> noticeModels(pipeline.models()));
        } catch (RuntimeException e) {
            // Start-up must not fail because of a report; the next start compares again.
            LOG.warnf(e, "Could not compare model versions with the last start");
        }
    }

    /** Compares {@code current} with the versions of the last start and starts jobs when they differ. */
    @Transactional
    public List<UUID> noticeModels(Map<String, String> current) {
        Instant now = clock.instant();
        String json = Json.write(current);
        @SuppressWarnings("unchecked")
        List<String> seen = Comment.getEntityManager()
                .createNativeQuery("SELECT models FROM model_versions_seen " + "WHERE id = 1 FOR UPDATE")
                .getResultList();
        Comment.getEntityManager()
                .createNativeQuery("INSERT INTO model_versions_seen (id, models, seen_at) "
                        + "VALUES (1, ?1, ?2) ON CONFLICT (id) DO UPDATE SET models = EXCLUDED.models, "
                        + "seen_at = EXCLUDED.seen_at")
                .setParameter(1, json)
                .setParameter(2, now)
                .executeUpdate();
        if (seen.isEmpty() || Json.read(seen.get(0), MODELS).equals(current)) {
            return List.of();
        }
        LearningConfig.Rescore c = settings.config().rescore();
        Instant since = now.minus(c.days(), ChronoUnit.DAYS);
        @SuppressWarnings("unchecked")
        List<UUID> sites = Comment.getEntityManager()
                .createNativeQuery("SELECT DISTINCT site_id FROM comment " + "WHERE created_at >= ?1")
                .setParameter(1, since)
                .getResultList();
        List<UUID> jobs = new ArrayList<>();
        for (UUID site : sites) {
            jobs.add(start(site, seen.get(0), json, since, c.maxComments(), now));
        }
        LOG.infof("Model versions changed; re-scoring the last %d days of %d sites", c.days(), sites.size());
        return jobs;
    }

    UUID start(UUID siteId, String before, String after, Instant since, int max, Instant now) {
        RescoreJob job = new RescoreJob(siteId, before, after, since, max, now);
        job.persist();
        return job.id;
    }

    @Scheduled(
            every = "${commentguard.learning.rescore.every:10s}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            while (step()) {
                // Each step is its own pair of short transactions; keep going while work is left.
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Re-scoring step failed; it resumes on the next round");
        }
    }

    private record Batch(
            UUID jobId, Instant cursorCreatedAt, UUID cursorId, List<UUID> comments, List<ScoringContext> contexts) {}

    /**
     * Re-scores one batch of one running job. Scoring runs outside any transaction; the results are written only if
     * the job is still where this step found it (another instance may have taken the same batch).
     *
     * @return whether a batch was processed
     */
    public boolean step() {
        Optional<Batch> batch = QuarkusTransaction.requiringNew().call(this::nextBatch);
        if (batch.isEmpty()) {
            return false;
        }
        List<ScoreResult> results = new ArrayList<>();
        for (ScoringContext context : batch.get().contexts()) {
            results.add(pipeline.score(context));
        }
        QuarkusTransaction.requiringNew().run(() -> record(batch.get(), results));
        return true;
    }

    private Optional<Batch> nextBatch() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = Comment.getEntityManager()
                .createNativeQuery("SELECT id FROM rescore_job WHERE state = "
                        + "'RUNNING' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        RescoreJob job = RescoreJob.findById(ids.get(0));
        List<Comment> comments = page(job);
        SitePolicy policy = policies.effective(job.siteId);
        List<ScoringContext> contexts = new ArrayList<>();
        for (Comment c : comments) {
            Article a = Article.findById(c.articleId);
            Optional<String> parent =
                    c.parentId == null ? Optional.empty() : Optional.of(Comment.<Comment>findById(c.parentId).text);
            // Recent texts (for near-duplicate spam) are left out: they would be those of today, not of then.
            contexts.add(new ScoringContext(
                    c.text,
                    Optional.of(new ScoringContext.ArticleText(a.title, a.cleanText)),
                    parent,
                    List.of(),
                    new SiteScoringData(
                            policy.scorerBlockTerms(), policy.allowTerms(), List.of(), policy.languages())));
        }
        return Optional.of(new Batch(
                job.id,
                job.cursorCreatedAt,
                job.cursorId,
                comments.stream().map(c -> c.id).toList(),
                contexts));
    }

    private List<Comment> page(RescoreJob job) {
        int left = job.maxComments - job.evaluated;
        int size = Math.min(settings.config().rescore().batch(), left);
        if (size <= 0) {
            return List.of();
        }
        Instant after = job.cursorCreatedAt == null ? Instant.EPOCH : job.cursorCreatedAt;
        UUID afterId = job.cursorId == null ? new UUID(0, 0) : job.cursorId;
        return Comment.<Comment>find(
                        "siteId = ?1 and createdAt >= ?2 and (createdAt > ?3 or (createdAt = ?3 "
                                + "and id > ?4)) order by createdAt, id",
                        job.siteId,
                        job.since,
                        after,
                        afterId)
                .page(0, size)
                .list();
    }

    private void record(Batch batch, List<ScoreResult> results) {
        RescoreJob job = RescoreJob.findById(batch.jobId(), LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !"RUNNING".equals(job.state) || !java.util.Objects.equals(job.cursorId, batch.cursorId())) {
            return;
        }
        Instant now = clock.instant();
        if (batch.comments().isEmpty()) {
            job.state = "DONE";
            job.finishedAt = now;
            return;
        }
        SitePolicy policy = policies.effective(job.siteId);
        Map<String, Integer> before = counts(job.countsBefore);
        Map<String, Integer> after = counts(job.countsAfter);
        List<PolicyDryRun.Change> changes = new ArrayList<>(Json.read(job.changes, CHANGES));
        for (int i = 0; i < batch.comments().size(); i++) {
            Comment c = Comment.findById(batch.comments().get(i));
            ScoreResult result = results.get(i);
            Verdict verdict = siteVerdicts
                    .apply(
                            job.siteId,
                            result,
                            VerdictPolicy.decide(
                                    result,
                                    PolicySpans.of(c.text, policy, profanity),
                                    policy,
                                    history.stateOf(Author.findById(c.authorId), now)))
                    .verdict();
            CommentStatus next = CommentStatus.of(verdict.action());
            before.merge(c.autoStatus.name(), 1, Integer::sum);
            after.merge(next.name(), 1, Integer::sum);
            if (next != c.autoStatus) {
                job.changed++;
                if (changes.size() < MAX_CHANGES) {
                    changes.add(new PolicyDryRun.Change(
                            c.id, c.externalId, c.autoStatus.name(), next.name(), c.reasons(), verdict.reasons()));
                }
            }
            job.evaluated++;
            job.cursorCreatedAt = c.createdAt;
            job.cursorId = c.id;
        }
        job.countsBefore = Json.write(before);
        job.countsAfter = Json.write(after);
        job.changes = Json.write(changes);
        if (job.evaluated >= job.maxComments) {
            job.state = "DONE";
            job.finishedAt = now;
        }
    }

    @Transactional
    public List<JobView> jobs(UUID siteId, int limit) {
        return RescoreJob.<RescoreJob>find("siteId = ?1 order by createdAt desc", siteId).page(0, limit).stream()
                .map(j -> new JobView(
                        j.id,
                        j.state.toLowerCase(java.util.Locale.ROOT),
                        Json.read(j.modelsBefore, MODELS),
                        Json.read(j.modelsAfter, MODELS),
                        j.since,
                        j.maxComments,
                        j.createdAt,
                        j.finishedAt,
                        new PolicyDryRun.Report(
                                j.evaluated,
                                j.changed,
                                counts(j.countsBefore),
                                counts(j.countsAfter),
                                Json.read(j.changes, CHANGES))))
                .toList();
    }

    private static Map<String, Integer> counts(String json) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (CommentStatus s : CommentStatus.values()) {
            m.put(s.name(), 0);
        }
        m.putAll(Json.read(json, COUNTS));
        return m;
    }
}

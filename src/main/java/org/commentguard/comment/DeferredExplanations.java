package org.commentguard.comment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.commentguard.quota.ScoringScheduler;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.jboss.logging.Logger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Explanations that come after the answer. A caller that must answer within a tight budget and shows no spans
 * itself (Coral's External Moderation Phase) has its comment scored without toxicity's spans. With the span head they
 * cost further transformer passes only for a toxic comment longer than one pass; with sentence spans
 * ({@code span-head=false}) one pass per sentence, the larger part of a toxic comment's cost. The verdict does not
 * depend on those spans (the policy reads only the word-list and lexicon spans, which are always computed). The
 * comment is stored with {@code explanation_pending}, and this worker adds the spans moderators read (one more pass
 * for a refined comment), normally within a second.
 *
 * <p>One background thread does the work. Before each comment it waits until a core is free of scoring ({@link
 * ScoringScheduler#coreFree()}), at most {@code commentguard.comments.explanation-max-wait}, and its transformer
 * passes do not count as the refiner being busy, so comments being answered keep their quality and nearly all of
 * their speed. The queue lives in the database: comments still pending after a restart, a full in-memory queue or
 * another instance's crash are picked up by a sweep. The work is idempotent (the row is re-checked under a lock
 * before it is written), so several instances may sweep the same rows.
 */
@ApplicationScoped
public class DeferredExplanations {

    /** {@code details.spans} of a stored comment whose spans are still to come. */
    static final String PENDING = "pending";
    /** {@code details.spans} when computing them failed; the comment is not tried again. */
    static final String FAILED = "failed";

    private static final Logger LOG = Logger.getLogger(DeferredExplanations.class);
    private static final long IDLE_POLL_MILLIS = 5;
    private static final int SWEEP_LIMIT = 1000;

    private final ToxicityScorer toxicity;
    private final ScoringScheduler scheduler;
    private final CommentConfig config;
    private final BlockingQueue<UUID> queue;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final Counter explained;
    private Thread worker;
    private volatile boolean stopped;

    public DeferredExplanations(
            ToxicityScorer toxicity, ScoringScheduler scheduler, CommentConfig config, MeterRegistry meters) {
        this.toxicity = toxicity;
        this.scheduler = scheduler;
        this.config = config;
        this.queue = new LinkedBlockingQueue<>(config.explanationQueue());
        this.explained = meters.counter("commentguard.explanations.deferred");
        Gauge.builder("commentguard.explanations.queued", queue, q -> (double) q.size())
                .description("Stored comments waiting for their deferred toxicity spans (in memory)")
                .register(meters);
    }

    @PostConstruct
    void start() {
        worker = new Thread(this::work, "deferred-explanations");
        worker.setDaemon(true);
        worker.start();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        worker.interrupt();
    }

    /** Whether {@code result} is marked for a deferred explanation ({@link #markPending}). */
    static boolean pending(ScoreResult result) {
        Map<String, Object> own = result.details().get(ToxicityScorer.ID);
        return own != null && PENDING.equals(own.get("spans"));
    }

    /**
     * Marks a result scored without spans ({@code ScoringContext.withoutSpans()}) for a deferred explanation; a
     * result whose toxicity was not scored (failed, unsupported language) or already explained is returned as is.
     */
    static ScoreResult markPending(ScoreResult result) {
        Map<String, Object> own = result.details().get(ToxicityScorer.ID);
        if (own == null || !ToxicityScorer.SPANS_NOT_REQUESTED.equals(own.get("spans"))) {
            return result;
        }
        Map<String, Object> marked = new LinkedHashMap<>(own);
        marked.put("spans", PENDING);
        Map<String, Map<String, Object>> details = new LinkedHashMap<>(result.details());
        details.put(ToxicityScorer.ID, Collections.unmodifiableMap(marked));
        return new ScoreResult(
                result.language(),
                result.scores(),
                result.spans(),
                result.reasons(),
                result.models(),
                Collections.unmodifiableMap(details),
                result.signals());
    }

    /** Asks for the explanation of a stored comment, after its transaction committed. Never blocks. */
    void submit(UUID commentId) {
        if (queued.add(commentId) && !queue.offer(commentId)) {
            queued.remove(commentId); // the sweep finds it in the database
        }
    }

    /** Picks up comments still pending: after a restart, a full queue, or on another instance's behalf. */
    @Scheduled(
            every = "${commentguard.comments.explanation-sweep:30s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        List<UUID> ids = QuarkusTransaction.requiringNew()
                .call(() -> Comment.getEntityManager()
                        .createQuery(
                                "select c.id from Comment c where c.explanationPending = true order by c.updatedAt",
                                UUID.class)
                        .setMaxResults(SWEEP_LIMIT)
                        .getResultList());
        ids.forEach(this::submit);
    }

    private void work() {
        while (!stopped) {
            UUID id;
            try {
                id = queue.take();
                queued.remove(id);
                awaitFreeCore();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                explain(id);
            } catch (RuntimeException e) {
                // The database, most likely: the comment stays pending and the next sweep tries again.
                LOG.warnf("Deferred explanation of comment %s failed: %s", id, e.toString());
            }
        }
    }

    private void awaitFreeCore() throws InterruptedException {
        long until = System.nanoTime() + config.explanationMaxWait().toNanos();
        while (!scheduler.coreFree() && System.nanoTime() < until) {
            Thread.sleep(IDLE_POLL_MILLIS);
        }
    }

    /** The toxicity spans of {@code w}, or none marked {@code failed} when computing them throws. */
    private ToxicityScorer.Explanation spans(UUID id, Work w) {
        try {
            return toxicity.explain(w.text(), w.model(), w.scores(), w.details());
        } catch (RuntimeException e) {
            // The comment text is deliberately not logged (it may be abusive or personal).
            LOG.errorf(e, "Toxicity spans of comment %s could not be computed", id);
            return new ToxicityScorer.Explanation(List.of(), FAILED);
        }
    }

    private record Work(String text, String model, Map<String, Double> scores, Map<String, Object> details) {}

    /** Computes and stores the spans of one comment, if it still waits for them. */
    void explain(UUID id) {
        Optional<Work> work = QuarkusTransaction.requiringNew()
                .call(() -> Comment.<Comment>findByIdOptional(id)
                        .filter(c -> c.explanationPending)
                        .map(c -> new Work(
                                c.text,
                                c.models().get(ToxicityScorer.ID),
                                c.scores(),
                                c.scorerDetails().getOrDefault(ToxicityScorer.ID, Map.of()))));
        if (work.isEmpty()) {
            return;
        }
        Work w = work.get();
        ToxicityScorer.Explanation result = spans(id, w);
        explained.increment();
        QuarkusTransaction.requiringNew().run(() -> {
            Comment c = Comment.findById(id, LockModeType.PESSIMISTIC_WRITE);
            // An edit in the meantime re-scored the text with its spans: nothing to add.
            if (c != null && c.explanationPending && c.text.equals(w.text())) {
                c.explained(ToxicityScorer.ID, result.spans(), result.source());
            }
        });
    }
}

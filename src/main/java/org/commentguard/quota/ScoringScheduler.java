package org.commentguard.quota;

import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringPipeline;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs all scoring work of the service on a fixed pool of worker threads (one per core plus one by default), fed
 * from a bounded {@link FairQueue} that is fair across sites. Each comment, including each item of a batch, is its
 * own unit of work, so a batch uses every core and another site's comment can overtake it.
 *
 * <p>Scoring a comment cannot be interrupted, so a fair order alone would still let a flood's comments hold every
 * core: a quiet site's single comment would wait for one of them to finish first. So sites that are already scoring
 * start comments only while fewer than {@code cores} run in total, and the pool has spare workers beyond the cores
 * (two by default) for quiet sites: a site with nothing being scored may always start a comment on a free worker,
 * and a site with fewer comments being scored than there are spare workers may start its only waiting one (a quiet
 * site's {@code /score} and {@code /comments} arriving together). A flood's batch never has a single comment
 * waiting, so it starts no new comment until the total is below the cores again, and the quiet site's comments
 * share the cores with the flood only until the flood's running comments finish.
 *
 * <p>Every request has a deadline. It is refused at once ({@code 503 overloaded}) when the queue cannot finish it
 * in time, estimated from the work queued ahead of it in fair order and the measured cost per unit of work; work
 * still queued when the deadline passes is dropped and the request refused. A request whose comments have all
 * started is answered when they finish, up to {@code running-grace} past its deadline: their CPU is spent anyway.
 * Per-site and per-key concurrency quotas ({@code 429 too_many_concurrent}) are taken here too.
 *
 * <p>This is the Java API for every scoring caller: {@link #score(UUID, ScoringContext, Duration)} for one comment,
 * {@link #scoreAll(UUID, UUID, List, Duration)} for several.
 */
@ApplicationScoped
public class ScoringScheduler {

    private static final Logger LOG = Logger.getLogger(ScoringScheduler.class);
    /**
     * Cost units of a comment: its length plus a fixed part, since a short comment still costs every scorer's set-up
     * and one transformer call. One round-robin turn is worth one 1,000-character comment, so a quiet site's single
     * comment of up to that length fits in the one turn that puts it ahead of the round ({@link FairQueue}).
     */
    static final long FIXED_COST = 300;

    static final long QUANTUM = FIXED_COST + 1_000;
    /** First guess before anything was measured: about 45 ms for a 600-character comment, as on two busy cores. */
    private static final double INITIAL_NANOS_PER_UNIT = 50_000;
    /** Weight of the newest measurement in the running average of the cost per unit. */
    private static final double SMOOTHING = 0.05;

    private final ScoringPipeline pipeline;
    private final SiteQuotas quotas;
    private final QuotaMetrics metrics;
    private final int maxQueued;
    private final long runningGrace;
    private final int workers;
    private final int cores;
    /** Workers beyond the cores, for quiet sites ({@link #mayRun}). */
    private final int spare;

    private final ConcurrencySlots siteSlots = new ConcurrencySlots();
    private final ConcurrencySlots keySlots = new ConcurrencySlots();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final FairQueue<UUID, Unit> queue = new FairQueue<>(QUANTUM);
    private final List<Thread> threads = new ArrayList<>();
    // Guarded by lock.
    private long runningCost;
    private int runningUnits;
    private final Map<UUID, Integer> runningBySite = new HashMap<>();
    private double nanosPerUnit = INITIAL_NANOS_PER_UNIT;
    private volatile boolean stopped;

    public ScoringScheduler(ScoringPipeline pipeline, SiteQuotas quotas, QuotaMetrics metrics, QuotaConfig config) {
        this.pipeline = pipeline;
        this.quotas = quotas;
        this.metrics = metrics;
        this.maxQueued = config.maxQueuedItems();
        this.runningGrace = config.runningGrace().toNanos();
        int cores = Runtime.getRuntime().availableProcessors();
        this.workers = config.workers().orElse(cores + 2);
        if (workers < 1) {
            throw new IllegalStateException("commentguard.quota.workers must be at least 1");
        }
        this.cores = Math.min(workers, config.cores().orElse(cores));
        if (this.cores < 1) {
            throw new IllegalStateException("commentguard.quota.cores must be at least 1");
        }
        this.spare = workers - this.cores;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "scoring-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Gauge.builder("commentguard.scoring.queue.items", this, s -> (double) s.queuedItems())
                .description("Comments waiting for a scoring worker")
                .register(metrics.registry());
        Gauge.builder(
                        "commentguard.scoring.unit.cost.seconds",
                        this,
                        s -> s.locked(() -> s.nanosPerUnit * 1e-9 * (FIXED_COST + 700)))
                .description("Measured scoring time of a 700-character comment on one worker, as the scheduler "
                        + "estimates it")
                .register(metrics.registry());
    }

    /**
     * Scores one comment of {@code siteId}, or throws {@link AdmissionRefusedException}: {@code 429
     * too_many_concurrent} when the site is over its concurrency quota, {@code 503 overloaded} when it cannot be
     * done within {@code deadline} (refused at once when the queue says so, else when the deadline passes).
     */
    public ScoreResult score(UUID siteId, ScoringContext context, Duration deadline) {
        return scoreAll(siteId, null, List.of(context), deadline).get(0);
    }

    /**
     * Scores several comments of {@code siteId} as separate units of work, answering in order; all or none.
     * {@code keyId} (may be null) also applies that key's concurrency quota.
     */
    public List<ScoreResult> scoreAll(UUID siteId, UUID keyId, List<ScoringContext> contexts, Duration deadline) {
        if (contexts.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        long due = start + Math.max(0, deadline.toNanos());
        QuotaLimits limits = quotas.limits(siteId);
        ConcurrencySlots.Slot site = siteSlots.tryAcquire(siteId, limits.siteMaxConcurrent());
        if (site == null) {
            metrics.refused(siteId, AdmissionRefusedException.TOO_MANY_CONCURRENT);
            throw AdmissionRefusedException.tooManyConcurrent("site", limits.siteMaxConcurrent());
        }
        try (site) {
            ConcurrencySlots.Slot key =
                    keyId == null ? () -> {} : keySlots.tryAcquire(keyId, limits.keyMaxConcurrent());
            if (key == null) {
                metrics.refused(siteId, AdmissionRefusedException.TOO_MANY_CONCURRENT);
                throw AdmissionRefusedException.tooManyConcurrent("key", limits.keyMaxConcurrent());
            }
            try (key) {
                return run(siteId, contexts, start, due);
            }
        }
    }

    private List<ScoreResult> run(UUID siteId, List<ScoringContext> contexts, long start, long due) {
        Job job = new Job(siteId, contexts.size(), due);
        List<Unit> units = new ArrayList<>(contexts.size());
        long cost = 0;
        long largest = 0;
        for (int i = 0; i < contexts.size(); i++) {
            Unit unit = new Unit(job, i, contexts.get(i));
            units.add(unit);
            cost += unit.cost;
            largest = Math.max(largest, unit.cost);
        }
        lock.lock();
        try {
            if (queue.size() + units.size() > maxQueued) {
                metrics.refused(siteId, AdmissionRefusedException.OVERLOADED);
                throw AdmissionRefusedException.overloaded(
                        "The scoring queue is full (" + queue.size() + " comments wait); retry later",
                        estimate(queue.cost(), largest));
            }
            // Fair order: this request finishes once its site's queue, itself, and as much of every other site's
            // queue have been served (only other new sites' first turns when the site has nothing waiting); unless it
            // may start on a free worker now, the work already running is on average half done.
            boolean startsNow = runningUnits < workers && mayRun(siteId, queue.size(siteId) + units.size());
            long ahead = queue.costUntilDone(siteId, cost) + (startsNow ? 0 : runningCost / 2);
            Duration estimate = estimate(ahead, largest);
            if (start + estimate.toNanos() > due) {
                metrics.refused(siteId, AdmissionRefusedException.OVERLOADED);
                throw AdmissionRefusedException.tooLongForDeadline(
                        "Scoring " + units.size() + " comment"
                                + (units.size() == 1 ? "" : "s") + " would take about " + estimate.toMillis()
                                + " ms now, longer than the deadline of "
                                + Duration.ofNanos(due - start).toMillis()
                                + " ms; retry later",
                        estimate,
                        Duration.ofNanos(start + estimate.toNanos() - due));
            }
            units.forEach(u -> queue.add(siteId, u, u.cost));
            work.signalAll();
        } finally {
            lock.unlock();
        }
        List<ScoreResult> results = await(job, due - System.nanoTime());
        if (results == null && job.unstarted.get() == 0 && runningGrace > 0) {
            // Every comment of the request is being scored: that CPU is spent either way, so the answer is still
            // worth waiting a little for; only work that has not started is shed at the deadline.
            results = await(job, runningGrace);
        }
        if (results == null) {
            throw gaveUp(siteId, job, due - start);
        }
        return results;
    }

    /** The job's results, or null when they are not in within {@code nanos} or a worker gave the job up. */
    private static List<ScoreResult> await(Job job, long nanos) {
        try {
            return job.done.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                return null;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("scoring failed", e.getCause());
        }
    }

    /** Drops the request's work still waiting, so no worker spends time on an answer nobody reads. */
    private AdmissionRefusedException gaveUp(UUID siteId, Job job, long deadlineNanos) {
        job.done.completeExceptionally(new TimeoutException());
        lock.lock();
        try {
            queue.removeIf(siteId, u -> u.job == job);
        } finally {
            lock.unlock();
        }
        metrics.refused(siteId, AdmissionRefusedException.OVERLOADED);
        return AdmissionRefusedException.overloaded(
                "Scoring did not finish within the deadline of "
                        + Duration.ofNanos(deadlineNanos).toMillis() + " ms; retry later",
                Duration.ofSeconds(1));
    }

    /**
     * Time to serve {@code cost} units on the cores, but no less than the largest single item (one item runs on one
     * worker). The cost per unit is measured in wall time on a worker, so it includes a spare worker sharing the
     * cores. Called with the lock held.
     */
    private Duration estimate(long cost, long largestItem) {
        double nanos = Math.max(cost * nanosPerUnit / cores, largestItem * nanosPerUnit);
        return Duration.ofNanos((long) nanos);
    }

    /** Comments waiting for a worker. */
    int queuedItems() {
        return locked(queue::size);
    }

    private <T> T locked(java.util.function.Supplier<T> s) {
        lock.lock();
        try {
            return s.get();
        } finally {
            lock.unlock();
        }
    }

    /** One comment of one request. */
    private static final class Unit {
        final Job job;
        final int index;
        final ScoringContext context;
        final long cost;

        Unit(Job job, int index, ScoringContext context) {
            this.job = job;
            this.index = index;
            this.context = context;
            this.cost = FIXED_COST + context.text().length();
        }
    }

    /** One request: its units' results, done when all are in or one failed. */
    private static final class Job {
        final UUID siteId;
        final long due;
        final ScoreResult[] results;
        final AtomicInteger missing;
        /** Units no worker has started yet. */
        final AtomicInteger unstarted;

        final CompletableFuture<List<ScoreResult>> done = new CompletableFuture<>();

        Job(UUID siteId, int size, long due) {
            this.siteId = siteId;
            this.due = due;
            this.results = new ScoreResult[size];
            this.missing = new AtomicInteger(size);
            this.unstarted = new AtomicInteger(size);
        }

        void complete(int index, ScoreResult result) {
            results[index] = result;
            if (missing.decrementAndGet() == 0) {
                done.complete(Arrays.asList(results));
            }
        }
    }

    private void work() {
        while (!stopped) {
            Unit unit;
            lock.lock();
            try {
                while ((unit = queue.poll(this::mayRun)) == null) {
                    work.await();
                }
                runningCost += unit.cost;
                runningUnits++;
                runningBySite.merge(unit.job.siteId, 1, Integer::sum);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            long start = System.nanoTime();
            boolean scored = false;
            try {
                if (unit.job.done.isDone()) {
                    continue;
                }
                if (start > unit.job.due) {
                    // Its request has given up or is about to: nobody would read the result.
                    unit.job.done.completeExceptionally(new TimeoutException());
                    continue;
                }
                unit.job.unstarted.decrementAndGet();
                unit.job.complete(unit.index, pipeline.score(unit.context));
                scored = true;
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "Scoring failed");
                unit.job.done.completeExceptionally(e);
            } finally {
                long elapsed = System.nanoTime() - start;
                lock.lock();
                try {
                    runningCost -= unit.cost;
                    runningUnits--;
                    // Another unit may start now; this worker polls next itself, so none needs waking.
                    runningBySite.computeIfPresent(unit.job.siteId, (site, n) -> n == 1 ? null : n - 1);
                    if (scored) {
                        nanosPerUnit += SMOOTHING * ((double) elapsed / unit.cost - nanosPerUnit);
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Whether a free worker may take {@code site}'s next unit: while fewer units than the cores run in total; else, on
     * a spare worker, when none of the site's work is being scored, or when less of it than there are spare workers
     * is and this unit is the only one the site has waiting. Called with the lock held.
     */
    private boolean mayRun(UUID site) {
        return mayRun(site, queue.size(site));
    }

    /** {@link #mayRun(UUID)} with {@code waiting} units of the site waiting, the one to start included. */
    private boolean mayRun(UUID site, int waiting) {
        if (runningUnits < cores) {
            return true;
        }
        int running = runningBySite.getOrDefault(site, 0);
        return running == 0 || (running < spare && waiting == 1);
    }

    /** Comments being scored now. */
    int runningItems() {
        return locked(() -> runningUnits);
    }

    /**
     * Whether a core is free of scoring right now (fewer units run than there are cores), so that work done after
     * an answer (a deferred explanation) can run without delaying a comment that is being answered.
     */
    public boolean coreFree() {
        return locked(() -> runningUnits < cores && queue.size() == 0);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        threads.forEach(Thread::interrupt);
    }
}

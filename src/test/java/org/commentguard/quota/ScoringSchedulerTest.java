package org.commentguard.quota;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.Scorer;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringPipeline;
import org.commentguard.scoring.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scheduler's worker pool with a scorer that holds each comment until the test lets it go, so which comments
 * run at once is observed directly (no timing is measured or asserted; the timeouts only stop a broken run).
 */
class ScoringSchedulerTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    /** A deadline the tests let pass on purpose. */
    private static final Duration DEADLINE = Duration.ofMillis(200);

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    /** Texts in the order their scoring started. */
    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();

    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private ScoringScheduler scheduler;

    private CountDownLatch gate(String text) {
        return gates.computeIfAbsent(text, t -> new CountDownLatch(1));
    }

    private void release(String... names) {
        for (String name : names) {
            gate(name).countDown();
        }
    }

    private final Scorer held = new Scorer() {
        @Override
        public String id() {
            return "held";
        }

        @Override
        public List<String> attributes() {
            return List.of();
        }

        @Override
        public String model() {
            return "held@1";
        }

        @Override
        public Signal score(ScoringContext context) {
            String name = context.text().substring(0, context.text().indexOf(' '));
            started.add(name);
            try {
                if (!gate(name).await(5, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("never released: " + name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return Signal.of(id(), model(), Map.of(), List.of(), List.of());
        }
    };

    private ScoringScheduler scheduler(int workers, OptionalInt cores) {
        return scheduler(new Config(OptionalInt.of(workers), cores));
    }

    private ScoringScheduler scheduler(QuotaConfig config) {
        SiteQuotas quotas = new SiteQuotas(config, Clock.systemUTC(), null) {
            @Override
            public QuotaLimits limits(UUID siteId) {
                return defaults();
            }
        };
        scheduler = new ScoringScheduler(
                new ScoringPipeline(List.of(held)), quotas, new QuotaMetrics(new SimpleMeterRegistry()), config);
        return scheduler;
    }

    @AfterEach
    void stop() {
        gates.values().forEach(CountDownLatch::countDown);
        if (scheduler != null) {
            scheduler.stop();
        }
        clients.shutdownNow();
    }

    /** Comments of 900 characters, as in the noisy-neighbour test: each costs about one round-robin turn. */
    private Future<List<ScoreResult>> submit(UUID site, String... names) {
        List<ScoringContext> contexts = new ArrayList<>();
        for (String name : names) {
            contexts.add(ScoringContext.of(name + " " + "x".repeat(900 - name.length() - 1)));
        }
        return clients.submit(() -> scheduler.scoreAll(site, null, contexts, LONG));
    }

    /** A floods a scheduler of {@code workers} workers and two cores: its first two comments fill the cores. */
    private Future<List<ScoreResult>> floodTwoCores(int workers, String... names) throws InterruptedException {
        scheduler(workers, OptionalInt.of(2));
        Future<List<ScoreResult>> flood = submit(A, names);
        assertThat(List.of(nextStarted(), nextStarted())).containsExactlyInAnyOrder("a0", "a1");
        return flood;
    }

    private String nextStarted() throws InterruptedException {
        String text = started.poll(1, TimeUnit.MINUTES);
        assertThat(text).as("a comment started scoring").isNotNull();
        return text;
    }

    @Test
    void aQuietSitesCommentStartsOnTheSpareWorkerAFloodingSiteMayNotTake() throws Exception {
        Future<List<ScoreResult>> flood = floodTwoCores(3, "a0", "a1", "a2", "a3", "a4", "a5");
        // A fills the two cores; its other four comments wait although a worker is idle.
        Future<List<ScoreResult>> quiet = submit(B, "b0");
        assertThat(nextStarted()).isEqualTo("b0");
        release("b0");
        assertThat(quiet.get(1, TimeUnit.MINUTES)).hasSize(1);
        // Each of A's comments that finishes lets its next one start, one at a time.
        release("a0");
        assertThat(nextStarted()).isEqualTo("a2");
        assertThat(started).isEmpty();
        release("a1", "a2", "a3", "a4", "a5");
        assertThat(flood.get(1, TimeUnit.MINUTES)).hasSize(6);
    }

    @Test
    void aFloodingSiteStartsNoNewCommentWhileAQuietSitesCommentSharesTheCores() throws Exception {
        Future<List<ScoreResult>> flood = floodTwoCores(3, "a0", "a1", "a2", "a3");
        Future<List<ScoreResult>> quiet = submit(B, "b0");
        assertThat(nextStarted()).isEqualTo("b0");
        // a0 finishes while b0 is scored: a1 and b0 fill the two cores, so A's a2 waits.
        release("a0");
        nothingStartsOnce(2, "a0 finished");
        release("b0");
        assertThat(nextStarted()).isEqualTo("a2");
        assertThat(quiet.get(1, TimeUnit.MINUTES)).hasSize(1);
        release("a1", "a2", "a3");
        assertThat(flood.get(1, TimeUnit.MINUTES)).hasSize(4);
    }

    @Test
    void aQuietSitesTwoRequestsBothStartOnTheTwoSpareWorkers() throws Exception {
        Future<List<ScoreResult>> flood = floodTwoCores(4, "a0", "a1", "a2", "a3", "a4");
        // B's /score and /comments arrive together: each is its site's only waiting comment, so both start.
        Future<List<ScoreResult>> score = submit(B, "b0");
        assertThat(nextStarted()).isEqualTo("b0");
        Future<List<ScoreResult>> comments = submit(B, "b1");
        assertThat(nextStarted()).isEqualTo("b1");
        // A's running comments finish. A, with none being scored, may start one on a spare worker, but only one:
        // it has more than one waiting.
        release("a0", "a1");
        assertThat(nextStarted()).isEqualTo("a2");
        nothingStartsOnce(3, "a0 and a1 finished");
        // b1 and a2 fill the two cores: A's next waits.
        release("b0");
        assertThat(score.get(1, TimeUnit.MINUTES)).hasSize(1);
        nothingStartsOnce(2, "b0 finished");
        release("b1");
        assertThat(nextStarted()).isEqualTo("a3");
        assertThat(comments.get(1, TimeUnit.MINUTES)).hasSize(1);
        release("a2", "a3", "a4");
        assertThat(flood.get(1, TimeUnit.MINUTES)).hasSize(5);
    }

    @Test
    void aSiteWithABacklogOfItsOwnGetsOnlyOneSpareWorker() throws Exception {
        Future<List<ScoreResult>> flood = floodTwoCores(4, "a0", "a1", "a2", "a3", "a4");
        Future<List<ScoreResult>> first = submit(B, "b0");
        assertThat(nextStarted()).isEqualTo("b0");
        // A batch of two is not a lone comment: it waits like A's work, although a spare worker is idle.
        Future<List<ScoreResult>> batch = submit(B, "b1", "b2");
        waitUntil(() -> scheduler.queuedItems() == 5, "B's batch queued");
        assertThat(started).isEmpty();
        release("a0", "a1");
        assertThat(nextStarted()).isEqualTo("b1");
        release("b0", "b1", "b2", "a2", "a3", "a4");
        assertThat(first.get(1, TimeUnit.MINUTES)).hasSize(1);
        assertThat(batch.get(1, TimeUnit.MINUTES)).hasSize(2);
        assertThat(flood.get(1, TimeUnit.MINUTES)).hasSize(5);
    }

    @Test
    void aRequestWhoseCommentIsBeingScoredAtItsDeadlineGetsItsAnswerWithinTheGrace() throws Exception {
        scheduler(new Config(OptionalInt.of(2), OptionalInt.of(1), LONG));
        Future<List<ScoreResult>> answer = clients.submit(
                () -> scheduler.scoreAll(B, null, List.of(ScoringContext.of("b0 started in time")), DEADLINE));
        assertThat(nextStarted()).isEqualTo("b0");
        Thread.sleep(DEADLINE.multipliedBy(3).toMillis());
        assertThat(answer)
                .as("not refused at its deadline: its comment is being scored")
                .isNotDone();
        release("b0");
        assertThat(answer.get(1, TimeUnit.MINUTES)).hasSize(1);
    }

    @Test
    void aRequestStillWaitingAtItsDeadlineIsRefusedAndItsWorkDropped() throws Exception {
        scheduler(new Config(OptionalInt.of(1), OptionalInt.of(1), LONG));
        Future<List<ScoreResult>> running = submit(A, "a0");
        assertThat(nextStarted()).isEqualTo("a0");
        Future<List<ScoreResult>> waiting = clients.submit(
                () -> scheduler.scoreAll(B, null, List.of(ScoringContext.of("b0 never started")), DEADLINE));
        assertThatThrownBy(() -> waiting.get(1, TimeUnit.MINUTES))
                .hasCauseInstanceOf(AdmissionRefusedException.class)
                .hasMessageContaining("did not finish within the deadline");
        assertThat(scheduler.queuedItems()).isZero();
        release("a0");
        assertThat(running.get(1, TimeUnit.MINUTES)).hasSize(1);
        assertThat(started).isEmpty();
    }

    @Test
    void aSiteAloneUsesEveryCore() throws Exception {
        scheduler(3, OptionalInt.of(3));
        Future<List<ScoreResult>> batch = submit(A, "a0", "a1", "a2", "a3");
        assertThat(List.of(nextStarted(), nextStarted(), nextStarted())).containsExactlyInAnyOrder("a0", "a1", "a2");
        release("a0", "a1", "a2", "a3");
        assertThat(batch.get(1, TimeUnit.MINUTES)).hasSize(4);
    }

    @Test
    void aQuietSitesCommentWaitingForAWorkerIsTheNextOneStarted() throws Exception {
        // No spare worker: B's comment has to wait for one of A's to finish, but then it goes before A's next.
        Future<List<ScoreResult>> flood = floodTwoCores(2, "a0", "a1", "a2", "a3");
        Future<List<ScoreResult>> quiet = submit(B, "b0");
        // Let B's comment reach the queue (behind A's a2 and a3) before a worker frees up.
        waitUntil(() -> scheduler.queuedItems() == 3, "B's comment queued");
        release("a0");
        assertThat(nextStarted()).isEqualTo("b0");
        release("a1", "a2", "a3", "b0");
        assertThat(quiet.get(1, TimeUnit.MINUTES)).hasSize(1);
        assertThat(flood.get(1, TimeUnit.MINUTES)).hasSize(4);
    }

    @Test
    void theCoresAreNeverMoreThanTheWorkers() throws Exception {
        scheduler(1, OptionalInt.of(4));
        Future<List<ScoreResult>> batch = submit(A, "a0", "a1");
        assertThat(nextStarted()).isEqualTo("a0");
        release("a0");
        assertThat(nextStarted()).isEqualTo("a1");
        release("a1");
        assertThat(batch.get(1, TimeUnit.MINUTES)).hasSize(2);
    }

    /** Waits until {@code running} comments are being scored ({@code what}), and no other has started. */
    private void nothingStartsOnce(int running, String what) throws InterruptedException {
        waitUntil(() -> scheduler.runningItems() == running, what);
        assertThat(started).isEmpty();
    }

    /** Waits (at most a minute, for a broken run) until the scheduler's state is {@code what}. */
    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never: " + what);
    }

    private record Config(OptionalInt workers, OptionalInt cores, Duration runningGrace) implements QuotaConfig {

        Config(OptionalInt workers, OptionalInt cores) {
            this(workers, cores, Duration.ofMillis(250));
        }

        @Override
        public double siteRequestsPerSecond() {
            return 100;
        }

        @Override
        public int siteBurst() {
            return 200;
        }

        @Override
        public int siteMaxConcurrent() {
            return 16;
        }

        @Override
        public double keyRequestsPerSecond() {
            return 50;
        }

        @Override
        public int keyBurst() {
            return 100;
        }

        @Override
        public int keyMaxConcurrent() {
            return 8;
        }

        @Override
        public Duration deadline() {
            return LONG;
        }

        @Override
        public Duration batchDeadline() {
            return LONG;
        }

        @Override
        public Duration ingestDeadline() {
            return LONG;
        }

        @Override
        public int maxQueuedItems() {
            return 2000;
        }

        @Override
        public Duration overrideRefresh() {
            return Duration.ofSeconds(10);
        }
    }
}

package org.commentguard.scoring.offtopic.training;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicScorer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Cost per comment of the off-topic scorer with its thread signals, on 600-1,000-character comments: consecutive
 * Fox News comments of one article ({@code data/fox-news/fox-news-comments.json}, all 1,528) joined until they reach
 * 600 characters (cut at a word before 1,000),
 * each scored with its article, its parent where it has one, and the {@value OffTopicScorer#MAX_THREAD} comments
 * scored before it as thread. After one unreported pass, three runs over the same comments, each with a fresh scorer
 * and the same warm-up, each also reporting model calls per comment (which machine load does not change):
 * <ul>
 *   <li><b>ingestion</b>: the siblings were scored before, so their embeddings are cached; one embedding per
 *   comment, the steady state of {@code POST /api/v1/comments};</li>
 *   <li><b>cold thread</b>: a new, never-seen thread with every call (as after a restart, or {@code /score} callers
 *   passing threads the scorer has not seen): up to {@value OffTopicScorer#MAX_THREAD} more embeddings;</li>
 *   <li><b>without the drift model</b> (1.1.1's scoring, no thread), for comparison.</li>
 * </ul>
 * Run pinned to one core on a quiet machine: {@code src/bench/offtopic-drift-bench.sh}.
 */
public final class OffTopicDriftBenchmark {

    private static java.util.concurrent.atomic.AtomicLong EMBEDDINGS = new java.util.concurrent.atomic.AtomicLong();

    private OffTopicDriftBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "models/offtopic/data");
        List<ScoringContext> rows = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : java.nio.file.Files.readAllLines(data.resolve("fox-news/fox-news-comments.json"))) {
            if (!line.isBlank()) {
                var r = json.readTree(line);
                String prev = DriftData.clean(r.get("prev").asText());
                rows.add(DriftData.context(
                        DriftData.clean(r.get("text").asText()),
                        new ScoringContext.ArticleText(
                                r.get("title").asText(),
                                DriftData.clean(r.get("meta").asText())),
                        prev.isEmpty() ? null : prev,
                        List.of()));
            }
        }
        List<ScoringContext> base = longComments(rows);
        int chars = base.stream().mapToInt(c -> c.text().length()).sum();
        System.out.printf(
                Locale.ROOT, "%d comments of 600-1,000 characters (mean %d)%n", base.size(), chars / base.size());
        OffTopicModel shipped = OffTopicModel.loadShipped();
        // Counts model calls, so each run also reports embeddings per comment (independent of machine load).
        java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
        org.commentguard.scoring.offtopic.SentenceEmbedder counting =
                new org.commentguard.scoring.offtopic.SentenceEmbedder() {
                    @Override
                    public String id() {
                        return shipped.embedder().id();
                    }

                    @Override
                    public float[] embed(String text) {
                        calls.incrementAndGet();
                        return shipped.embedder().embed(text);
                    }
                };
        OffTopicModel model =
                new OffTopicModel(shipped.id(), shipped.params(), shipped.analyzer(), counting, shipped.themes());
        EMBEDDINGS = calls;

        // One unreported pass first (JIT, onnxruntime's first calls on long inputs), or the first reported run pays it.
        OffTopicScorer jit = new OffTopicScorer(model);
        for (int i = 0; i < base.size(); i++) {
            ScoringContext c = withThread(base, i, " (jit)");
            jit.score(new ScoringContext(
                    c.text() + " (jit)", c.article(), c.parent(), c.languages(), c.site(), c.thread()));
        }
        run(
                "without the drift model",
                new OffTopicScorer(model.withParams(model.params().withDrift(null))),
                base.size(),
                i -> withThread(base, i, ""));
        run("ingestion (siblings cached)", new OffTopicScorer(model), base.size(), i -> withThread(base, i, ""));
        run("cold thread (siblings new)", new OffTopicScorer(model), base.size(), i -> withThread(base, i, " #" + i));
    }

    /** Comment i with the comments before it (newest first) as thread; {@code mark} makes those texts new. */
    private static ScoringContext withThread(List<ScoringContext> comments, int i, String mark) {
        ScoringContext c = comments.get(i);
        List<String> thread = new ArrayList<>();
        for (int j = i - 1; j >= 0 && thread.size() < OffTopicScorer.MAX_THREAD; j--) {
            if (comments.get(j).article().equals(c.article())) {
                thread.add(comments.get(j).text() + mark);
            }
        }
        return new ScoringContext(c.text(), c.article(), c.parent(), c.languages(), c.site(), thread);
    }

    private static void run(String name, OffTopicScorer scorer, int n, IntFunction<ScoringContext> context) {
        // Warm-up (JIT, article embeddings) on the first 50 with altered text, so that no timed comment is already in
        // the scorer's comment cache; then every comment in order: the thread of comment i is the comments before
        // it, which the ingestion run has just scored.
        for (int i = 0; i < Math.min(50, n); i++) {
            ScoringContext c = context.apply(i);
            scorer.score(new ScoringContext(
                    c.text() + " (warm-up)", c.article(), c.parent(), c.languages(), c.site(), c.thread()));
        }
        double[] ms = new double[n];
        long before = EMBEDDINGS.get();
        for (int i = 0; i < n; i++) {
            ScoringContext c = context.apply(i);
            long t = System.nanoTime();
            scorer.score(c);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                Locale.ROOT,
                "%-30s p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (n=%d; %.2f embeddings" + " per comment)%n",
                name,
                ms[n / 2],
                ms[(int) (n * 0.9)],
                ms[Math.min(n - 1, (int) (n * 0.99))],
                ms[n - 1],
                n,
                (EMBEDDINGS.get() - before) / (double) n);
    }

    /** Consecutive comments of one article joined until 600 characters, cut at a word before 1,000. */
    static List<ScoringContext> longComments(List<ScoringContext> items) {
        List<ScoringContext> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        ScoringContext first = null;
        for (ScoringContext c : items) {
            if (first != null && !first.article().equals(c.article())) {
                sb.setLength(0);
                first = null;
            }
            if (first == null) {
                first = c;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(c.text());
            if (sb.length() >= 600) {
                String text = sb.length() <= 1000 ? sb.toString() : sb.substring(0, sb.lastIndexOf(" ", 1000));
                if (text.length() >= 600) {
                    out.add(new ScoringContext(text, first.article(), first.parent(), first.languages(), first.site()));
                }
                sb.setLength(0);
                first = null;
            }
        }
        return out;
    }
}

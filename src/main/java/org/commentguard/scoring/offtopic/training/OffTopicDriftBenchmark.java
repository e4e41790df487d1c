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
 * annotated Fox News comments of one article joined until they reach 600 characters (cut at a word before 1,000),
 * each scored with its article, its parent where it has one, and the {@value OffTopicScorer#MAX_THREAD} comments
 * scored before it as thread. Three runs over the same comments, each with a fresh scorer and the same warm-up:
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

    private OffTopicDriftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "models/offtopic/data");
        List<DriftData.Item> items = new ArrayList<>(DriftData.fox(data.resolve("fox-news"),
                data.resolve(OffTopicDriftTrainer.LABELS)).get(0));
        items.addAll(DriftData.fox(data.resolve("fox-news"), data.resolve(OffTopicDriftTrainer.LABELS)).get(1));
        List<ScoringContext> base = longComments(items);
        int chars = base.stream().mapToInt(c -> c.text().length()).sum();
        System.out.printf(Locale.ROOT, "%d comments of 600-1,000 characters (mean %d)%n", base.size(),
                chars / base.size());
        OffTopicModel model = OffTopicModel.loadShipped();

        run("ingestion (siblings cached)", new OffTopicScorer(model), base.size(), i -> withThread(base, i, ""));
        run("cold thread (siblings new)", new OffTopicScorer(model), base.size(),
                i -> withThread(base, i, " #" + i));
        run("without the drift model", new OffTopicScorer(model.withParams(model.params().withDrift(null))),
                base.size(), i -> withThread(base, i, ""));
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
        // Warm-up on the first 50 (JIT, article embeddings), then every comment in order: the thread of comment i
        // is the comments before it, which the ingestion run has just scored.
        for (int i = 0; i < Math.min(50, n); i++) {
            scorer.score(context.apply(i));
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            ScoringContext c = context.apply(i);
            long t = System.nanoTime();
            scorer.score(c);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-30s p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (n=%d)%n", name,
                ms[n / 2], ms[(int) (n * 0.9)], ms[Math.min(n - 1, (int) (n * 0.99))], ms[n - 1], n);
    }

    /** Consecutive comments of one article joined until 600 characters, cut at a word before 1,000. */
    static List<ScoringContext> longComments(List<DriftData.Item> items) {
        List<ScoringContext> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        ScoringContext first = null;
        for (DriftData.Item item : items) {
            ScoringContext c = item.context();
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

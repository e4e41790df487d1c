package org.commentguard.scoring.offtopic.training;

import org.commentguard.article.text.ArticleTextExtractor;
import org.commentguard.article.text.CleanArticle;
import org.commentguard.scoring.ScoringContext.ArticleText;
import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicScorer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency of the off-topic scorer on one thread: model loading, then p50/p99 per comment against a cached
 * article (the long ZeroHedge seed page from the test fixtures, or the page given as second argument), for the CAT
 * comments of {@code models/offtopic/data} (a new comment text each call, so every call
 * that is not decided lexically pays for its embedding). Run pinned to one core:
 * {@code SKIP_BUILD=1 JAVA_OPTS=-XX:ActiveProcessorCount=1 taskset -c 0 src/tools/run OffTopicBenchmark \
 * [models/offtopic/data] [article page]} (after one build, for example by {@code src/tools/run} without it)
 */
public final class OffTopicBenchmark {

    private OffTopicBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "models/offtopic/data");
        Path page = args.length > 1
                ? Path.of(args[1])
                : OffTopicEvaluation.SEEDS.resolve(OffTopicEvaluation.ZEROHEDGE_PAGE);
        long t0 = System.nanoTime();
        OffTopicScorer scorer = new OffTopicScorer(OffTopicModel.loadShipped());
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        CleanArticle a = new ArticleTextExtractor().fromPlainText(Files.readString(page, StandardCharsets.UTF_8));
        ArticleText article = new ArticleText(a.title(), a.body());
        List<String> comments = new ArrayList<>();
        for (CalibrationData.Pair p : new CalibrationData(dataDir, 1).parentPairs()) {
            if (p.label() == 1) {
                comments.add(p.text());
            }
        }
        long t1 = System.nanoTime();
        scorer.score(OffTopicEvaluation.context("warm-up", article, null));
        double articleSeconds = (System.nanoTime() - t1) / 1e9;
        for (int i = 0; i < 200; i++) {
            scorer.score(OffTopicEvaluation.context(comments.get(i % comments.size()), article, null));
        }
        int n = Math.min(600, comments.size());
        double[] ms = new double[n];
        double[] withParent = new double[n];
        int chars = 0;
        for (int i = 0; i < n; i++) {
            String c = comments.get(i) + " ";
            chars += c.length();
            long s = System.nanoTime();
            scorer.score(OffTopicEvaluation.context(c, article, null));
            ms[i] = (System.nanoTime() - s) / 1e6;
            // In a live thread a parent usually has several replies; only the first pays for its embedding. Warm the
            // parent cache with one reply, then time a second reply.
            String parent = comments.get((i + 1) % n);
            scorer.score(OffTopicEvaluation.context("ok", article, parent + "  "));
            long s2 = System.nanoTime();
            scorer.score(OffTopicEvaluation.context(c + " ", article, parent + "  "));
            withParent[i] = (System.nanoTime() - s2) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(withParent);
        System.out.printf(
                Locale.ROOT,
                "model load %.2f s; first article (sentence embeddings) %.0f ms%n",
                loadSeconds,
                articleSeconds * 1000);
        System.out.printf(
                Locale.ROOT,
                "article only:    p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  (n=%d, mean %d chars)%n",
                ms[n / 2],
                ms[(int) (n * 0.9)],
                ms[(int) (n * 0.99)],
                n,
                chars / n);
        System.out.printf(
                Locale.ROOT,
                "article+parent:  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms%n",
                withParent[n / 2],
                withParent[(int) (n * 0.9)],
                withParent[(int) (n * 0.99)]);
    }
}

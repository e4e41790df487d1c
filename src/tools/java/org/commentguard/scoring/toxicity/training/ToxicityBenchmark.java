package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.toxicity.ToxicityModel;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.training.ToxicityCorpus.Example;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread latency of the shipped toxicity scorer on 600-character comments (held-out corpus texts cut or
 * concatenated to 600 characters), first stage plus sentence spans, and the model loading time.
 *
 * <p>Usage: {@code ToxicityBenchmark [iterations]}; run on an otherwise idle core for meaningful numbers.
 */
public final class ToxicityBenchmark {

    private ToxicityBenchmark() {}

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        long t0 = System.nanoTime();
        ToxicityModel model = ToxicityScorer.loadShipped();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        ToxicityScorer scorer = new ToxicityScorer(
                model,
                ToxicityScorer.MODEL_NAME + "@" + ToxicityScorer.MODEL_VERSION,
                ToxicityScorer.Settings.DEFAULT,
                null);

        List<Example> test =
                ToxicityCorpus.read(ToxicityCorpus.DEFAULT_FILE, e -> e.split().equals(ToxicityCorpus.TEST));
        List<String> texts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (Example e : test) {
            b.append(e.text()).append(' ');
            while (b.length() >= 600) {
                texts.add(b.substring(0, 600));
                b.delete(0, 600);
            }
        }
        // warm-up so the JIT has compiled the hot path before timing
        double sink = 0;
        for (int i = 0; i < 20000; i++) {
            sink += scorer.score(ScoringContext.of(texts.get(i % texts.size())))
                    .scores()
                    .get("toxicity");
        }
        long[] firstStage = new long[iterations];
        long[] full = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            String text = texts.get(i % texts.size());
            long s = System.nanoTime();
            sink += model.score(text).toxicity();
            long m = System.nanoTime();
            Signal signal = scorer.score(ScoringContext.of(text));
            long e = System.nanoTime();
            sink += signal.spans().size();
            firstStage[i] = m - s;
            full[i] = e - m;
        }
        System.out.printf(
                Locale.ROOT,
                "model load: %.0f ms; %d texts of 600 chars, %d iterations (sink %.1f)%n",
                loadMs,
                texts.size(),
                iterations,
                sink);
        report("first stage (whole text, 6 attributes)", firstStage);
        report("scorer.score (first stage + sentence spans)", full);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(
                Locale.ROOT, "heap used after load: %.0f MiB%n", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    }

    private static void report(String name, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(
                Locale.ROOT,
                "%-45s p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n",
                name,
                s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.99)] / 1e6,
                Arrays.stream(s).average().orElse(0) / 1e6);
    }
}

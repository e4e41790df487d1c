package org.commentguard.scoring.toxicity.transformer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latency and throughput of the transformer stage alone on the CPU (not a test: timings depend on the machine).
 *
 * <pre>
 * src/tools/run TransformerToxicityBenchmark [comments] [workers]
 * </pre>
 *
 * Single-thread part: p50 / p99 per 600-character comment, one onnxruntime intra-op thread. Throughput part:
 * {@code workers} threads (default: available processors), each scoring comments with its own calls on the shared
 * session (intra-op 1), in comments per second.
 */
public final class TransformerToxicityBenchmark {

    private static final String[] SENTENCES = {
        "I read the whole article and I still don't understand why the council keeps approving these projects.",
        "The people who actually live here were never asked, and now the traffic is unbearable every morning.",
        "You clearly have no idea what you are talking about, so maybe stop posting nonsense all day.",
        "My grandmother lived on that street for forty years and she would have been heartbroken to see this.",
        "Honestly the reporter did a good job explaining the numbers, even if the headline is a bit much.",
        "Anyone who votes for this mayor again is a complete idiot and deserves what they get.",
        "Can someone explain where the money from the last bond measure actually went?",
        "This is the third time this year the same road has been dug up, what a waste of taxpayer money.",
    };

    private TransformerToxicityBenchmark() {}

    public static void main(String[] args) throws Exception {
        int comments = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int workers = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        List<String> texts = comments(comments, 600, new Random(42));
        WordPieceTokenizer tokenizer = TransformerToxicityModel.loadShippedTokenizer();
        double tokens = texts.stream()
                .mapToInt(t -> tokenizer.encode(t, 256).length)
                .average()
                .orElse(0);
        try (TransformerToxicityModel model = TransformerToxicityModel.loadShipped(1)) {
            for (int i = 0; i < 20; i++) {
                model.predict(texts.get(i % texts.size()));
            }
            long[] nanos = new long[texts.size()];
            for (int i = 0; i < texts.size(); i++) {
                long t = System.nanoTime();
                model.predict(texts.get(i));
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "%s, %d comments of 600 chars (%.0f tokens on average), 1 intra-op thread:%n",
                    model.modelId(), texts.size(), tokens);
            System.out.printf(
                    "  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);

            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                long t0 = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                int per = (texts.size() + workers - 1) / workers;
                for (int w = 0; w < workers; w++) {
                    List<String> part =
                            texts.subList(Math.min(texts.size(), w * per), Math.min(texts.size(), (w + 1) * per));
                    futures.add(pool.submit(() -> part.forEach(model::predict)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        "  throughput with %d worker threads: %.1f comments/s%n", workers, texts.size() / seconds);
            } finally {
                pool.shutdown();
            }
        }
    }

    static List<String> comments(int n, int chars, Random random) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < chars) {
                sb.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
            }
            out.add(sb.substring(0, chars));
        }
        return out;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}

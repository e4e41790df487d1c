package org.commentguard.scoring.spam.training;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.spam.NearDuplicate;
import org.commentguard.scoring.spam.SpamScorer;
import org.commentguard.tools.Csv;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread throughput and latency of {@link SpamScorer} on 600-character comments built from the Civil
 * Comments sample in {@code models/spam/data}, without and with a recent-comment window. Not a test: timings
 * depend on the machine.
 *
 * <pre>src/tools/run SpamBenchmark [models/spam] [seconds]</pre>
 */
public final class SpamBenchmark {

    private SpamBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "models/spam");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<List<String>> rows =
                Csv.parse(Files.readString(dir.resolve("data/civil-comments-ham.csv"), StandardCharsets.UTF_8));
        List<String> comments = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows.subList(1, rows.size())) {
            sb.append(row.get(1)).append(' ');
            if (sb.length() >= 600) {
                comments.add(sb.substring(0, 600));
                sb.setLength(0);
            }
        }
        SpamScorer scorer = new SpamScorer(ModelArtifact.load("spam"));
        System.out.printf(
                Locale.ROOT,
                "%d distinct 600-char comments, java %s, %d cores%n",
                comments.size(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        List<ScoringContext> plain = comments.stream().map(ScoringContext::of).toList();
        run("spam, no window", scorer, plain, seconds);

        List<String> window = comments.subList(0, 200);
        SiteScoringData site = new SiteScoringData(List.of(), List.of(), window);
        List<ScoringContext> windowed = comments.subList(200, comments.size()).stream()
                .map(t -> new ScoringContext(t, null, null, List.of(), site))
                .toList();
        run("spam, 200-comment window (fingerprints cached)", scorer, windowed, seconds);

        long start = System.nanoTime();
        long sink = 0;
        int n = 0;
        while (System.nanoTime() - start < seconds * 1e9 / 2) {
            sink += NearDuplicate.fingerprint(comments.get(n++ % comments.size()));
        }
        System.out.printf(
                Locale.ROOT,
                "NearDuplicate.fingerprint: %.2f us per 600-char text (%d)%n",
                (System.nanoTime() - start) / 1e3 / n,
                sink & 1);
    }

    private static void run(String label, SpamScorer scorer, List<ScoringContext> contexts, double seconds) {
        // Warm-up so that the JIT has compiled the hot path before timing.
        for (int i = 0; i < 50_000; i++) {
            scorer.score(contexts.get(i % contexts.size()));
        }
        long[] samples = new long[2_000_000];
        int n = 0;
        double sink = 0;
        long begin = System.nanoTime();
        long deadline = begin + (long) (seconds * 1e9);
        long now = begin;
        while (now < deadline && n < samples.length) {
            long t0 = now;
            sink += scorer.score(contexts.get(n % contexts.size())).scores().get("spam");
            now = System.nanoTime();
            samples[n++] = now - t0;
        }
        double elapsed = (now - begin) / 1e9;
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%s: %d comments in %.2f s = %.0f comments/s, mean %.2f us, p50 %.2f us, "
                        + "p99 %.2f us (checksum %.1f)%n",
                label,
                n,
                elapsed,
                n / elapsed,
                elapsed * 1e6 / n,
                sorted[n / 2] / 1e3,
                sorted[(int) (n * 0.99)] / 1e3,
                sink);
    }
}

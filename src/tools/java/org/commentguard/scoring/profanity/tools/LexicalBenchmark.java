package org.commentguard.scoring.profanity.tools;

import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.profanity.ProfanityScorer;
import org.commentguard.scoring.text.NormalizedText;
import org.commentguard.scoring.text.TextNormalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Single-threaded throughput and latency of the lexical path (normalise + profanity) on ~600-char comments.
 * Not a test: timings depend on the machine.
 *
 * <p>Usage: {@code LexicalBenchmark [corpus.csv] [seconds]}; the corpus defaults to
 * {@code ../shared/data/toxic-spans-civil-comments/SemEval2021_data_tsd_train.csv} (CC0 Civil Comments), whose
 * comments are concatenated to about 600 chars, plus the ZeroHedge thread fixture cut into 600-char pieces.
 */
public final class LexicalBenchmark {

    private LexicalBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(
                args.length > 0 ? args[0] : "../shared/data/toxic-spans-civil-comments/SemEval2021_data_tsd_train.csv");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> comments = corpus(csv);
        ProfanityScorer scorer = ProfanityScorer.shipped();
        long chars = comments.stream().mapToLong(String::length).sum();
        System.out.printf(
                Locale.ROOT,
                "%d comments, mean %d chars, %s, %s %s, %d cores%n",
                comments.size(),
                chars / comments.size(),
                scorer.model(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        long sink = 0;
        // Warm-up so the JIT has compiled the hot loops before measuring.
        long warmEnd = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            sink += run(scorer, comments.get(i % comments.size()));
        }
        long[] lat = new long[5_000_000];
        int n = 0;
        // CPU time of this thread as well as wall time: on a shared machine the wall clock includes time the
        // thread spent waiting for a core, which says nothing about the code.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (n < lat.length) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
                break;
            }
            sink += run(scorer, comments.get(n % comments.size()));
            lat[n++] = System.nanoTime() - t0;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%.0f comments/s on one thread (wall clock), %.0f comments per CPU-second; "
                        + "p50 %.1f µs, p99 %.1f µs, max %.1f µs (%d comments, %.1f s wall, %.1f s CPU; checksum %d)%n",
                n / elapsed,
                n / cpu,
                sorted[n / 2] / 1e3,
                sorted[(int) (n * 0.99)] / 1e3,
                sorted[n - 1] / 1e3,
                n,
                elapsed,
                cpu,
                sink);
        System.out.printf(
                Locale.ROOT,
                "load average during the run: %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    private static long run(ProfanityScorer scorer, String comment) {
        NormalizedText t = TextNormalizer.normalize(comment);
        return scorer.score(t, SiteScoringData.NONE).spans().size() + t.length();
    }

    static List<String> corpus(Path csv) throws IOException {
        List<String> texts = new ArrayList<>();
        if (Files.exists(csv)) {
            texts.addAll(csvLastColumn(Files.readString(csv, StandardCharsets.UTF_8)));
        } else {
            System.out.println("corpus " + csv + " not found; using the ZeroHedge fixture only");
        }
        Path fixture = Path.of("src/test/resources/profanity/zerohedge-thread.txt");
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String t : texts) {
            if (cur.length() > 0) {
                cur.append(' ');
            }
            cur.append(t);
            if (cur.length() >= 600) {
                out.add(cur.substring(0, 600));
                cur.setLength(0);
            }
        }
        if (Files.exists(fixture)) {
            String page = Files.readString(fixture, StandardCharsets.UTF_8);
            for (int i = 0; i + 600 <= page.length(); i += 600) {
                out.add(page.substring(i, i + 600));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no benchmark corpus found");
        }
        return out;
    }

    /** The last column of a simple RFC 4180 CSV with a header row. */
    private static List<String> csvLastColumn(String csv) {
        List<String> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                fields.add(f.toString());
                f.setLength(0);
                rows.add(fields.get(fields.size() - 1));
                fields.clear();
            } else if (c != '\r') {
                f.append(c);
            }
        }
        return rows.isEmpty() ? rows : rows.subList(1, rows.size());
    }
}

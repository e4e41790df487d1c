package org.commentguard.scoring.spam.training;

import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.spam.NearDuplicate;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The spam training corpus in {@code models/spam/data/}: the YouTube Spam Collection (spam and ham) plus a sample
 * of Civil Comments news-site comments (all ham), checksummed by {@code SHA256SUMS} and split deterministically
 * into training and held-out parts.
 *
 * <p>Each example carries the fingerprints of the {@value #WINDOW} comments posted before it on the same video
 * (or in the same Civil Comments file), so the duplicate feature is learnt from real repeat posting.
 */
public final class SpamCorpus {

    /** Seed of the train/held-out split; changing it changes every figure in the model card. */
    public static final long SEED = 20261122L;
    /** Share of each (source, label) stratum that is held out. */
    public static final double HELD_OUT = 0.2;
    /** Recent comments a training example is compared with. */
    public static final int WINDOW = 100;

    /**
     * One labelled comment.
     *
     * @param source  {@code youtube} or {@code civil}
     * @param id      the dataset's comment id
     * @param text    comment text as in the dataset
     * @param spam    true for spam
     * @param window      fingerprints of the comments posted just before it in the same thread, newest first
     * @param windowTexts the texts of those comments
     * @param heldOut     whether it belongs to the held-out split
     */
    public record Example(
            String source,
            String id,
            String text,
            boolean spam,
            long[] window,
            String[] windowTexts,
            boolean heldOut) {}

    private final List<Example> examples;

    private SpamCorpus(List<Example> examples) {
        this.examples = List.copyOf(examples);
    }

    public List<Example> examples() {
        return examples;
    }

    public List<Example> training() {
        return examples.stream().filter(e -> !e.heldOut()).toList();
    }

    public List<Example> heldOut() {
        return examples.stream().filter(Example::heldOut).toList();
    }

    /** Loads and splits the corpus, after checking every file against {@code SHA256SUMS}. */
    public static SpamCorpus load(Path dataDir) throws IOException {
        verifyChecksums(dataDir);
        List<List<Example>> threads = new ArrayList<>();
        List<Path> youtube;
        try (Stream<Path> files = Files.list(dataDir.resolve("youtube"))) {
            youtube = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : youtube) {
            List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
            List<String[]> items = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() >= 5) {
                    items.add(new String[] {
                        row.get(0), row.get(2), row.get(3), row.get(4).trim()
                    });
                }
            }
            // Chronological order (ISO dates sort as strings; rows without a date come first, in file order).
            items.sort(Comparator.comparing(a -> a[1]));
            List<Example> thread = new ArrayList<>();
            for (String[] item : items) {
                thread.add(new Example("youtube", item[0], item[2], item[3].equals("1"), null, null, false));
            }
            threads.add(thread);
        }
        List<List<String>> civil =
                Csv.parse(Files.readString(dataDir.resolve("civil-comments-ham.csv"), StandardCharsets.UTF_8));
        List<Example> civilThread = new ArrayList<>();
        for (List<String> row : civil.subList(1, civil.size())) {
            civilThread.add(new Example("civil", row.get(0), row.get(1), false, null, null, false));
        }
        threads.add(civilThread);

        List<Example> all = new ArrayList<>();
        for (List<Example> thread : threads) {
            long[] ring = new long[WINDOW];
            String[] ringTexts = new String[WINDOW];
            int filled = 0;
            int next = 0;
            for (Example e : thread) {
                long[] window = new long[filled];
                String[] windowTexts = new String[filled];
                for (int k = 0; k < filled; k++) {
                    window[k] = ring[(next - 1 - k + WINDOW) % WINDOW];
                    windowTexts[k] = ringTexts[(next - 1 - k + WINDOW) % WINDOW];
                }
                all.add(new Example(e.source(), e.id(), e.text(), e.spam(), window, windowTexts, false));
                if (NearDuplicate.isComparable(e.text())) {
                    ring[next] = NearDuplicate.fingerprint(e.text());
                    ringTexts[next] = e.text();
                    next = (next + 1) % WINDOW;
                    filled = Math.min(filled + 1, WINDOW);
                }
            }
        }
        return new SpamCorpus(split(all));
    }

    private static List<Example> split(List<Example> all) {
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Example e = all.get(i);
            strata.computeIfAbsent(e.source() + "/" + e.spam(), k -> new ArrayList<>())
                    .add(i);
        }
        boolean[] heldOut = new boolean[all.size()];
        Random random = new Random(SEED);
        for (List<Integer> stratum : strata.values()) {
            List<Integer> shuffled = new ArrayList<>(stratum);
            java.util.Collections.shuffle(shuffled, random);
            int take = (int) Math.round(stratum.size() * HELD_OUT);
            for (int k = 0; k < take; k++) {
                heldOut[shuffled.get(k)] = true;
            }
        }
        List<Example> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Example e = all.get(i);
            out.add(new Example(e.source(), e.id(), e.text(), e.spam(), e.window(), e.windowTexts(), heldOut[i]));
        }
        return out;
    }

    /** Fails if any file listed in {@code SHA256SUMS} is missing or differs, or if a data file is unlisted. */
    public static void verifyChecksums(Path dataDir) throws IOException {
        Path sums = dataDir.resolve("SHA256SUMS");
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+", 2);
            expected.put(parts[1].startsWith("*") ? parts[1].substring(1) : parts[1], parts[0]);
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String actual = ModelArtifact.sha256(Files.readAllBytes(dataDir.resolve(e.getKey())));
            if (!actual.equalsIgnoreCase(e.getValue())) {
                throw new IOException(
                        "training data " + e.getKey() + " has sha256 " + actual + ", SHA256SUMS says " + e.getValue());
            }
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".csv"))
                    .toList()) {
                String rel = dataDir.relativize(p).toString().replace('\\', '/');
                if (!expected.containsKey(rel)) {
                    throw new IOException("training data " + rel + " is not listed in SHA256SUMS");
                }
            }
        }
    }
}

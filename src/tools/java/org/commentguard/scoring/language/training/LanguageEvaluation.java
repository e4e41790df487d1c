package org.commentguard.scoring.language.training;

import opennlp.tools.langdetect.Language;
import org.commentguard.scoring.Iso639;
import org.commentguard.scoring.language.LanguageScorer;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Measures when language detection may override a site's language: the share of English comments that detection
 * would confidently call something else, and the share of German, French and Arabic comments it calls correctly,
 * for several letter and confidence thresholds; fits {@link LanguageScorer#SHARPNESS}; and lists the short English
 * comments the previous rule (top-3 share of at least 0.42 over 20 letters) called foreign.
 *
 * <p>Usage: {@code LanguageEvaluation <shared data dir> [rows per set, default 4000]}. Deterministic: each set is
 * shuffled with a fixed seed before the first rows are taken.
 */
public final class LanguageEvaluation {

    /** Rows of an English set with fewer letters than this count as "short" in the false-call rate. */
    static final int SHORT_LETTERS = 200;

    private static final int[] LETTERS = {20, 40};
    private static final double[] CONFIDENCES = {0.9};
    /** Marks "no site prior" in {@link #PRIORS}. */
    private static final double UNIFORM = -1;

    private static final double[] PRIORS = {UNIFORM, 0.5, 0.9, 0.99};
    private static final List<String> ENGLISH = List.of("en");
    private static final double PREVIOUS_MIN_SHARE = 0.42;
    private static final int PREVIOUS_MIN_LETTERS = 20;

    private record Row(String set, String expected, LanguageScorer.Detection detection) {}

    private LanguageEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        Map<String, List<String>> sets = sets(data);
        LanguageScorer scorer = new LanguageScorer();
        List<Row> rows = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        sets.forEach((name, texts) -> {
            List<String> shuffled = new ArrayList<>(texts);
            Collections.shuffle(shuffled, new Random(7));
            for (String t : shuffled.subList(0, Math.min(limit, shuffled.size()))) {
                LanguageScorer.Detection d = scorer.detect(t, ENGLISH);
                if (d.best() != null) {
                    rows.add(new Row(name, name.substring(0, 2), d));
                    originals.add(t);
                }
            }
        });

        System.out.println("# Sharpness: mean log-loss of \"the top candidate is right\", detection alone (no site "
                + "prior), rows with >= " + LanguageScorer.MIN_LETTERS + " letters");
        double best = Double.NaN;
        double bestLoss = Double.MAX_VALUE;
        for (double t = 8; t <= 20; t += 1) {
            double loss = logLoss(rows, t);
            System.out.printf(Locale.ROOT, "sharpness %.0f  log-loss %.4f%n", t, loss);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        System.out.printf(Locale.ROOT, "best %.0f (shipped %.0f)%n%n", best, LanguageScorer.SHARPNESS);

        System.out.println("# Calibration at the shipped sharpness, no site prior, rows with >= "
                + LanguageScorer.MIN_LETTERS + " letters: confidence bin, rows, top candidate right");
        int[] n = new int[10];
        int[] right = new int[10];
        for (Row r : rows) {
            if (r.detection().letters() >= LanguageScorer.MIN_LETTERS) {
                Call c = call(r, UNIFORM);
                int bin = Math.min(9, (int) (c.confidence() * 10));
                n[bin]++;
                right[bin] += c.language().equals(r.expected()) ? 1 : 0;
            }
        }
        for (int b = 0; b < 10; b++) {
            if (n[b] > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "%.1f-%.1f  %6d  %.3f%n",
                        b / 10.0,
                        (b + 1) / 10.0,
                        n[b],
                        right[b] / (double) n[b]);
            }
        }

        System.out.println("\n# A site that declares English. English sets: rows of < " + SHORT_LETTERS
                + " letters confidently called another language (false \"not English\"). Other sets: rows called "
                + "their own language. Columns: site prior / minimum letters / minimum confidence.");
        List<double[]> columns = new ArrayList<>();
        for (double prior : PRIORS) {
            for (int l : LETTERS) {
                for (double c : CONFIDENCES) {
                    columns.add(new double[] {prior, l, c});
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-18s %6s", "set", "rows");
        for (double[] col : columns) {
            System.out.printf(
                    Locale.ROOT,
                    " %15s",
                    (col[0] == UNIFORM ? "none" : String.valueOf(col[0])) + "/" + (int) col[1] + "/" + col[2]);
        }
        System.out.printf(Locale.ROOT, " %15s%n", "previous rule");
        for (String set : sets.keySet()) {
            List<Row> of = rows.stream().filter(r -> r.set().equals(set)).toList();
            boolean english = set.startsWith("en");
            List<Row> base = english
                    ? of.stream()
                            .filter(r -> r.detection().letters() < SHORT_LETTERS)
                            .toList()
                    : of;
            System.out.printf(Locale.ROOT, "%-18s %6d", set, base.size());
            for (double[] col : columns) {
                long hit = base.stream()
                        .filter(r -> {
                            Call c = call(r, col[0]);
                            boolean confident = r.detection().letters() >= col[1] && c.confidence() >= col[2];
                            return confident
                                    && (english
                                            ? !c.language().equals("en")
                                            : c.language().equals(r.expected()));
                        })
                        .count();
                System.out.printf(Locale.ROOT, " %14.2f%%", 100.0 * hit / Math.max(1, base.size()));
            }
            long previous = base.stream()
                    .filter(r -> previousCall(r.detection())
                            && (english != r.detection().raw()[0].getLang().equals(iso3(r.expected()))))
                    .count();
            System.out.printf(Locale.ROOT, " %14.2f%%%n", 100.0 * previous / Math.max(1, base.size()));
        }

        System.out.println("\n# English rows of < " + SHORT_LETTERS + " letters that the previous rule or the shipped "
                + "one calls foreign: set, previous call, shipped call (or site), posterior, text");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (!r.set().startsWith("en") || r.detection().letters() >= SHORT_LETTERS) {
                continue;
            }
            String previous = previousCall(r.detection())
                    ? Iso639.toAlpha2(r.detection().raw()[0].getLang())
                    : "und";
            LanguageScorer.Detection shipped = r.detection();
            String now = shipped.confident() ? shipped.best() : "site";
            boolean previousForeign = !previous.equals("und") && !previous.equals("en");
            boolean nowForeign = !now.equals("site") && !now.equals("en");
            if (previousForeign || nowForeign) {
                System.out.printf(
                        Locale.ROOT,
                        "%-18s %-4s %-5s %.3f  %s%n",
                        r.set(),
                        previous,
                        now,
                        shipped.confidence(),
                        originals.get(i).replaceAll("\\s+", " "));
            }
        }
    }

    /** Detection's call under a site prior for English ({@link #UNIFORM}: none). */
    private record Call(String language, double confidence) {}

    private static Call call(Row r, double prior) {
        Language[] raw = r.detection().raw();
        double p = prior == UNIFORM ? LanguageScorer.uniformPrior(ENGLISH, raw.length) : prior;
        double[] post = LanguageScorer.posterior(raw, ENGLISH, LanguageScorer.SHARPNESS, p);
        int best = 0;
        for (int i = 1; i < post.length; i++) {
            if (post[i] > post[best]) {
                best = i;
            }
        }
        return new Call(Iso639.toAlpha2(raw[best].getLang()), post[best]);
    }

    /** The rule before this evaluation: the top candidate's share of the top three, over at least 20 letters. */
    static boolean previousCall(LanguageScorer.Detection d) {
        Language[] p = d.raw();
        if (p.length < 3 || d.letters() < PREVIOUS_MIN_LETTERS) {
            return false;
        }
        double top = p[0].getConfidence() + p[1].getConfidence() + p[2].getConfidence();
        return Math.round(p[0].getConfidence() / top * 10_000) / 10_000.0 >= PREVIOUS_MIN_SHARE;
    }

    private static double logLoss(List<Row> rows, double sharpness) {
        double sum = 0;
        int n = 0;
        for (Row r : rows) {
            if (r.detection().letters() < LanguageScorer.MIN_LETTERS) {
                continue;
            }
            Language[] raw = r.detection().raw();
            double c = LanguageScorer.posterior(
                    raw, ENGLISH, sharpness, LanguageScorer.uniformPrior(ENGLISH, raw.length))[0];
            c = Math.min(1 - 1e-9, Math.max(1e-9, c));
            boolean right = r.detection().raw()[0].getLang().equals(iso3(r.expected()));
            sum -= Math.log(right ? c : 1 - c);
            n++;
        }
        return sum / n;
    }

    private static String iso3(String alpha2) {
        return Locale.forLanguageTag(alpha2).getISO3Language();
    }

    /** The sets, keyed {@code <ISO 639-1>:<name>}; every file named here is in {@code ../shared/data}. */
    static Map<String, List<String>> sets(Path data) throws IOException {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("en:jigsaw-train", column(data.resolve("jigsaw-toxic-2018-train/train.csv"), ',', "comment_text"));
        sets.put(
                "en:civil-comments",
                column(data.resolve("toxic-spans-civil-comments/SemEval2021_data_tsd_train.csv"), ',', "text"));
        sets.put("en:kaggle-insults", column(data.resolve("kaggle-insults-impermium/train.csv"), ',', "Comment"));
        sets.put("en:davidson", column(data.resolve("davidson-hate-offensive/data_labeled_data.csv"), ',', "tweet"));
        sets.put("en:olid", column(data.resolve("olid-offenseval2019/olid-training-v1.0.tsv"), '\t', "tweet"));
        sets.put("en:mlma", column(data.resolve("mlma-hate-speech/en_dataset_with_stop_words.csv"), ',', "tweet"));
        List<String> german = new ArrayList<>();
        for (String line :
                Files.readAllLines(data.resolve("germeval-2018/germeval2018.test.txt"), StandardCharsets.UTF_8)) {
            german.add(line.split("\t", 2)[0]);
        }
        sets.put("de:germeval", german);
        sets.put("fr:mlma", column(data.resolve("mlma-hate-speech/fr_dataset.csv"), ',', "tweet"));
        sets.put("ar:mlma", column(data.resolve("mlma-hate-speech/ar_dataset.csv"), ',', "tweet"));
        return sets;
    }

    private static List<String> column(Path file, char separator, String name) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map<String, String> record : Csv.read(file, separator).records()) {
            String v = record.get(name);
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }
}

package org.commentguard.scoring.offtopic.training;

import org.commentguard.article.text.ArticleTextExtractor;
import org.commentguard.article.text.CleanArticle;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringContext.ArticleText;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicScorer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Held-out evaluation of the shipped off-topic score end to end ({@link OffTopicScorer#score}: shortcut and
 * short-comment cap included), each comment with its article, parent and thread, against the same scorer without
 * the drift model (the 1.1.1 behaviour) on the same items. Per set: ROC-AUC of drifting-or-off-topic against on
 * topic, and precision and recall at 0.5 and at the policy's default off-topic threshold (0.85).
 *
 * <p>Sets: the annotated Fox News held-out articles (annotator A; annotator B's labels too where present), the CC0
 * corpus held-out articles, SemEval-2015 CQA (research-only licence: evaluation only, never fitted on) and the
 * ZeroHedge seed thread (no licence: evaluation only).
 *
 * <p>usage: {@code OffTopicDriftEvaluation [models/offtopic/data] [../shared/data] [seed page]}
 */
public final class OffTopicDriftEvaluation {

    private OffTopicDriftEvaluation() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "models/offtopic/data");
        Path shared = Path.of(args.length > 1 ? args[1] : "../shared/data");
        Path seed = Path.of(
                args.length > 2
                        ? args[2]
                        : OffTopicEvaluation.SEEDS
                                .resolve(OffTopicEvaluation.ZEROHEDGE_PAGE)
                                .toString());
        OffTopicModel model = OffTopicModel.loadShipped();
        OffTopicScorer drift = new OffTopicScorer(model);
        OffTopicScorer before =
                new OffTopicScorer(model.withParams(model.params().withDrift(null)));
        System.out.println("model " + model.id() + "; columns: drift model (this version) | without it (1.1.1)");

        List<List<DriftData.Item>> fox =
                DriftData.fox(data.resolve("fox-news"), data.resolve(OffTopicDriftTrainer.LABELS));
        System.out.println("Fox News held-out articles: "
                + fox.get(1).stream().map(DriftData.Item::article).distinct().toList());
        report("Fox News held-out articles, annotator A", fox.get(1), drift, before, i -> true);
        report(
                "  off_topic only vs on_topic",
                fox.get(1),
                drift,
                before,
                i -> !i.label().equals("drifting"));
        report(
                "  drifting only vs on_topic",
                fox.get(1),
                drift,
                before,
                i -> !i.label().equals("off_topic"));
        Path b = data.resolve("fox-news/labels-annotator-b.tsv");
        if (Files.exists(b)) {
            agreement(data.resolve(OffTopicDriftTrainer.LABELS), b);
            List<DriftData.Item> all =
                    new ArrayList<>(DriftData.fox(data.resolve("fox-news"), b).get(1));
            report(
                    "Fox News held-out articles, annotator B's labels (shared sample items only)",
                    all,
                    drift,
                    before,
                    i -> true);
        }
        CalibrationData corpus = new CalibrationData(data, OffTopicCalibrationTrainer.SEED);
        CalibrationData.Split split = corpus.split(corpus.articles(), OffTopicCalibrationTrainer.HELD_OUT);
        report(
                "CC0 corpus held-out articles (threads)",
                DriftData.corpus("corpus-held-out", split.heldOut()),
                drift,
                before,
                i -> true);
        report("Fox News training articles (fitted on, optimistic)", fox.get(0), drift, before, i -> true);
        // In-thread only: no article text and no parent, each comment against the rest of its thread.
        report(
                "Fox News held-out articles, thread only (no article, no parent)",
                DriftData.threadOnly(fox.get(1)),
                drift,
                before,
                i -> true);
        report(
                "CC0 corpus held-out articles, thread only (no article, no parent)",
                DriftData.threadOnly(DriftData.corpus("corpus-held-out", split.heldOut())),
                drift,
                before,
                i -> true);
        report(
                "Fox News training articles, thread only (optimistic)",
                DriftData.threadOnly(fox.get(0)),
                drift,
                before,
                i -> true);
        semEval(shared.resolve("semeval2015-task3-cqa-relevance"), drift, before);
        seedThread(seed, drift, before);
    }

    /** Raw agreement and Cohen's kappa between two annotators on the items both labelled: 3 labels, and on/not. */
    static void agreement(Path a, Path b) throws Exception {
        Map<String, String> first = new HashMap<>();
        CalibrationData.tsv(a).forEach(r -> first.put(r[0], r[1]));
        List<String[]> pairs = new ArrayList<>();
        for (String[] r : CalibrationData.tsv(b)) {
            if (first.containsKey(r[0])) {
                pairs.add(new String[] {first.get(r[0]), r[1]});
            }
        }
        List<String[]> binary =
                pairs.stream().map(p -> new String[] {on(p[0]), on(p[1])}).toList();
        System.out.printf(
                Locale.ROOT,
                "annotators A and B on %d shared items: on_topic/drifting/off_topic agreement "
                        + "%.3f, Cohen's kappa %.3f; on_topic vs not agreement %.3f, kappa %.3f%n",
                pairs.size(),
                observed(pairs),
                kappa(pairs),
                observed(binary),
                kappa(binary));
        Map<String, Integer> confusion = new java.util.TreeMap<>();
        pairs.forEach(p -> confusion.merge("A " + p[0] + " / B " + p[1], 1, Integer::sum));
        confusion.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-32s %3d%n", k, v));
    }

    private static String on(String label) {
        return label.equals("on_topic") ? "on" : "not";
    }

    private static double observed(List<String[]> pairs) {
        return pairs.stream().filter(p -> p[0].equals(p[1])).count() / (double) pairs.size();
    }

    private static double kappa(List<String[]> pairs) {
        Map<String, Integer> ca = new HashMap<>();
        Map<String, Integer> cb = new HashMap<>();
        pairs.forEach(p -> {
            ca.merge(p[0], 1, Integer::sum);
            cb.merge(p[1], 1, Integer::sum);
        });
        double n = pairs.size();
        double expected = 0;
        for (Map.Entry<String, Integer> e : ca.entrySet()) {
            expected += e.getValue() / n * cb.getOrDefault(e.getKey(), 0) / n;
        }
        return (observed(pairs) - expected) / (1 - expected);
    }

    private static void report(
            String name,
            List<DriftData.Item> items,
            OffTopicScorer drift,
            OffTopicScorer before,
            Predicate<DriftData.Item> keep) {
        List<DriftData.Item> kept = items.stream().filter(keep).toList();
        double[][] s = new double[2][kept.size()];
        int[] y = new int[kept.size()];
        for (int i = 0; i < y.length; i++) {
            s[0][i] = offTopic(drift.score(kept.get(i).context()));
            s[1][i] = offTopic(before.score(kept.get(i).context()));
            y[i] = kept.get(i).y();
        }
        System.out.printf(
                Locale.ROOT,
                "%s (n=%d, %d positive):%n  ROC-AUC %.4f | %.4f%n  %s%n  %s%n",
                name,
                y.length,
                java.util.Arrays.stream(y).sum(),
                org.commentguard.tools.BinaryMetrics.rocAuc(s[0], y),
                org.commentguard.tools.BinaryMetrics.rocAuc(s[1], y),
                atThreshold(s, y, 0.5),
                atThreshold(s, y, OffTopicEvaluation.POLICY_THRESHOLD));
    }

    private static String atThreshold(double[][] s, int[] y, double t) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "at %.2f:", t));
        for (int m = 0; m < 2; m++) {
            int flagged = 0;
            int right = 0;
            int pos = 0;
            for (int i = 0; i < y.length; i++) {
                pos += y[i];
                if (s[m][i] >= t) {
                    flagged++;
                    right += y[i];
                }
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "%s precision %s (%d/%d), recall %d/%d",
                    m == 0 ? "" : " |",
                    flagged == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) right / flagged),
                    right,
                    flagged,
                    right,
                    pos));
        }
        return sb.toString();
    }

    /**
     * SemEval-2015 task 3 test set: each answer under its question with the question's other answers as thread;
     * "Bad" answers (not relevant or not an answer) against "Good" ones, and each answer under a random other
     * question (with that question's answers as thread) against its own.
     */
    private static void semEval(Path dir, OffTopicScorer drift, OffTopicScorer before) throws Exception {
        Optional<SemEvalThreads> threads = SemEvalThreads.load(dir);
        if (threads.isEmpty()) {
            System.out.println("SemEval-2015 CQA: skipped (" + dir + " absent)");
            return;
        }
        List<ArticleText> questions = threads.get().questions();
        List<List<String[]>> answers = threads.get().answers();
        Random random = new Random(OffTopicCalibrationTrainer.SEED);
        List<DriftData.Item> goodBad = new ArrayList<>();
        List<DriftData.Item> ownOther = new ArrayList<>();
        int budget = 600;
        for (int qi = 0; qi < questions.size() && budget > 0; qi++) {
            List<String> texts = answers.get(qi).stream().map(a -> a[0]).toList();
            int other = (qi + 1 + random.nextInt(questions.size() - 1)) % questions.size();
            List<String> otherTexts = answers.get(other).stream().map(a -> a[0]).toList();
            for (String[] a : answers.get(qi)) {
                if (budget-- <= 0) {
                    break;
                }
                List<String> thread = texts.stream()
                        .filter(t -> !t.equals(a[0]))
                        .limit(OffTopicScorer.MAX_THREAD)
                        .toList();
                ScoringContext own = DriftData.context(a[0], questions.get(qi), null, thread);
                if (a[1].equals("Good") || a[1].equals("Bad")) {
                    goodBad.add(new DriftData.Item("semeval", "", "", a[1], own, a[1].equals("Bad") ? 1 : 0));
                }
                ownOther.add(new DriftData.Item("semeval", "", "", "own", own, 0));
                ownOther.add(new DriftData.Item(
                        "semeval",
                        "",
                        "",
                        "other",
                        DriftData.context(
                                a[0],
                                questions.get(other),
                                null,
                                otherTexts.stream()
                                        .limit(OffTopicScorer.MAX_THREAD)
                                        .toList()),
                        1));
            }
        }
        report(
                "SemEval-2015 CQA test (eval only): Bad vs Good answer, question + other answers",
                goodBad,
                drift,
                before,
                i -> true);
        report(
                "SemEval-2015 CQA test (eval only): Bad vs Good answer, thread only (other answers, no question)",
                DriftData.threadOnly(goodBad),
                drift,
                before,
                i -> true);
        report(
                "SemEval-2015 CQA test (eval only): answer under a random other question vs its own",
                ownOther,
                drift,
                before,
                i -> true);
    }

    /** The ZeroHedge seed thread (evaluation only): each comment with its article, parent and the other comments. */
    private static void seedThread(Path page, OffTopicScorer drift, OffTopicScorer before) throws Exception {
        if (!Files.exists(page)) {
            System.out.println("seed thread: skipped (" + page + " absent)");
            return;
        }
        String text = Files.readString(page, StandardCharsets.UTF_8);
        CleanArticle a = new ArticleTextExtractor().fromPlainText(text);
        List<SeedThread.Comment> comments = SeedThread.parse(text);
        System.out.println("ZeroHedge seed thread (eval only): off_topic drift | without");
        for (int i = 0; i < comments.size(); i++) {
            ScoringContext c = seedContext(comments, i, new ArticleText(a.title(), a.body()));
            Signal s = drift.score(c);
            System.out.printf(
                    Locale.ROOT,
                    "  %-22s %.3f | %.3f  %s %s%n",
                    comments.get(i).author(),
                    offTopic(s),
                    offTopic(before.score(c)),
                    s.reasons(),
                    s.details().get("notEngaged"));
        }
    }

    /** Comment {@code i} of a seed thread as ingestion would pass it: article, parent, the other comments. */
    public static ScoringContext seedContext(List<SeedThread.Comment> comments, int i, ArticleText article) {
        SeedThread.Comment c = comments.get(i);
        List<String> thread = new ArrayList<>();
        for (int j = comments.size() - 1; j >= 0; j--) {
            if (j != i) {
                thread.add(comments.get(j).text());
            }
        }
        return DriftData.context(
                c.text(),
                article,
                c.parent() < 0 ? null : comments.get(c.parent()).text(),
                thread);
    }

    private static double offTopic(Signal s) {
        Double d = s.scores().get("off_topic");
        return d == null ? 0.5 : d;
    }
}

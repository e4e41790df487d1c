package org.commentguard.scoring.offtopic.training;

import org.commentguard.article.text.ArticleTextExtractor;
import org.commentguard.article.text.CleanArticle;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringContext.ArticleText;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicScorer;
import org.commentguard.scoring.offtopic.RelevanceFeatures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

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

/**
 * Evaluates the shipped off-topic scorer end to end (lexical shortcut, parent rule and short-comment cap
 * included): held-out own-vs-other article ROC-AUC, held-out real-vs-random parent ROC-AUC, the parent-engagement
 * check, and, for evaluation only, SemEval-2015 CQA (research licence, read from {@code ../shared/data} and skipped
 * when absent).
 *
 * <p>Run: {@code java -cp target/classes:$(cat target/cp.txt) \
 * org.commentguard.scoring.offtopic.training.OffTopicEvaluation [models/offtopic/data] [../shared/data]}
 */
public final class OffTopicEvaluation {

    private OffTopicEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "models/offtopic/data");
        Path shared = Path.of(args.length > 1 ? args[1] : "../shared/data");
        long t0 = System.nanoTime();
        OffTopicModel model = OffTopicModel.loadShipped();
        OffTopicScorer scorer = new OffTopicScorer(model);
        System.out.printf(Locale.ROOT, "model %s loaded in %.2f s%n", model.id(), (System.nanoTime() - t0) / 1e9);

        CalibrationData data = new CalibrationData(dataDir, OffTopicCalibrationTrainer.SEED);
        List<CalibrationData.Pair> articleHeldOut = CalibrationData.split(data.articlePairs(),
                OffTopicCalibrationTrainer.HELD_OUT, OffTopicCalibrationTrainer.SEED).get(1);
        List<CalibrationData.Pair> parentHeldOut = CalibrationData.split(data.parentPairs(),
                OffTopicCalibrationTrainer.HELD_OUT, OffTopicCalibrationTrainer.SEED).get(1);

        double[] s = new double[articleHeldOut.size()];
        int[] y = new int[s.length];
        int skipped = 0;
        for (int i = 0; i < s.length; i++) {
            CalibrationData.Pair p = articleHeldOut.get(i);
            var signal = scorer.score(context(p.text(), new ArticleText(p.title(), p.reference()), null));
            s[i] = onTopic(signal);
            y[i] = p.label();
            skipped += "skipped".equals(signal.details().get("embedding")) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "own-vs-other article, held-out constructed pairs: ROC-AUC %.4f (n=%d, "
                + "embedding skipped for %d)%n", Calibration.auc(s, y), s.length, skipped);

        double[] ps = new double[parentHeldOut.size()];
        int[] py = new int[ps.length];
        for (int i = 0; i < ps.length; i++) {
            CalibrationData.Pair p = parentHeldOut.get(i);
            ps[i] = onTopic(scorer.score(context(p.text(), null, p.reference())));
            py[i] = p.label();
        }
        System.out.printf(Locale.ROOT, "real-vs-random parent (no article), held-out CAT pairs: ROC-AUC %.4f (n=%d)%n",
                Calibration.auc(ps, py), ps.length);

        parentEngagementCheck(model, dataDir, parentHeldOut);
        semEval(scorer, shared.resolve("semeval2015-task3-cqa-relevance"));
    }

    /**
     * Replies judged under an article they drift from (the ZeroHedge trade-war story), with a parent taken to be on
     * topic ({@code parentRelevance = 1}): a reply to its real parent should not be flagged, a reply to a random
     * parent should.
     */
    private static void parentEngagementCheck(OffTopicModel model, Path dataDir, List<CalibrationData.Pair> pairs)
            throws Exception {
        CleanArticle a = new ArticleTextExtractor().fromPlainText(
                Files.readString(dataDir.resolve("seeds/004_cbdc01941bd59647.txt"), StandardCharsets.UTF_8));
        var article = RelevanceFeatures.EmbeddedDocument.of(a.title(), a.body(), model.analyzer(), model.embedder(), 80);
        int[] flagged = new int[2];
        int[] total = new int[2];
        for (CalibrationData.Pair p : pairs) {
            float[] e = model.embedder().embed(p.text());
            var terms = model.analyzer().terms(p.text());
            double pArticle = model.params().article().probability(RelevanceFeatures.of(e, terms, article).vector());
            var parent = RelevanceFeatures.EmbeddedDocument.whole(p.reference(), model.embedder().embed(p.reference()),
                    model.analyzer().terms(p.reference()));
            double engaged = model.params().parent().probability(RelevanceFeatures.of(e, terms, parent).vector());
            double offTopic = (1 - pArticle) * (1 - engaged);
            if (terms.content().size() < model.params().minContentWords()) {
                offTopic = Math.min(offTopic, model.params().shortCommentCap());
            }
            total[p.label()]++;
            flagged[p.label()] += offTopic >= 0.5 ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "parent engagement (on-topic parent, drifting reply): flagged at 0.5 — "
                        + "real parent %.1f%% (%d/%d), random parent %.1f%% (%d/%d)%n",
                100.0 * flagged[1] / total[1], flagged[1], total[1], 100.0 * flagged[0] / total[0], flagged[0], total[0]);
    }

    /** SemEval-2015 task 3 (Qatar Living): evaluation only, never used to fit shipped parameters. */
    private static void semEval(OffTopicScorer scorer, Path dir) throws Exception {
        Path xml = dir.resolve("test_task3_English.xml");
        Path gold = dir.resolve("CQA-QL-test-gold.txt");
        if (!Files.exists(xml) || !Files.exists(gold)) {
            System.out.println("SemEval-2015 CQA: skipped (" + dir + " absent)");
            return;
        }
        Map<String, String> labels = new HashMap<>();
        for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                labels.put(f[0].strip(), f[1].strip());
            }
        }
        Document doc = Jsoup.parse(Files.readString(xml, StandardCharsets.UTF_8), "", Parser.xmlParser());
        List<ArticleText> questions = new ArrayList<>();
        List<List<String[]>> comments = new ArrayList<>();
        for (Element q : doc.select("Question")) {
            questions.add(new ArticleText(q.selectFirst("QSubject").text(), q.selectFirst("QBody").text()));
            List<String[]> cs = new ArrayList<>();
            for (Element c : q.select("Comment")) {
                String label = labels.get(c.attr("CID"));
                if (label != null && !label.equals("Not English")) {
                    cs.add(new String[] {c.selectFirst("CBody").text(), label});
                }
            }
            comments.add(cs);
        }
        Random random = new Random(OffTopicCalibrationTrainer.SEED);
        List<Double> ownOther = new ArrayList<>();
        List<Integer> ownOtherY = new ArrayList<>();
        List<Double> goodBad = new ArrayList<>();
        List<Integer> goodBadY = new ArrayList<>();
        int budget = 800;
        for (int qi = 0; qi < questions.size() && budget > 0; qi++) {
            for (String[] c : comments.get(qi)) {
                if (budget-- <= 0) {
                    break;
                }
                double own = onTopic(scorer.score(context(c[0], questions.get(qi), null)));
                int other = (qi + 1 + random.nextInt(questions.size() - 1)) % questions.size();
                double elsewhere = onTopic(scorer.score(context(c[0], questions.get(other), null)));
                ownOther.add(own);
                ownOtherY.add(1);
                ownOther.add(elsewhere);
                ownOtherY.add(0);
                if (c[1].equals("Good") || c[1].equals("Bad")) {
                    goodBad.add(own);
                    goodBadY.add(c[1].equals("Good") ? 1 : 0);
                }
            }
        }
        System.out.printf(Locale.ROOT, "SemEval-2015 CQA test (eval only): own-vs-other question ROC-AUC %.4f "
                + "(n=%d); Good-vs-Bad answer ROC-AUC %.4f (n=%d)%n", Calibration.auc(unbox(ownOther),
                ownOtherY.stream().mapToInt(Integer::intValue).toArray()), ownOther.size(),
                Calibration.auc(unbox(goodBad), goodBadY.stream().mapToInt(Integer::intValue).toArray()), goodBad.size());
    }

    /**
     * 1 - off_topic; a reference with nothing to compare against (null score) counts as undecided (0.5), so it
     * neither helps nor hides in the ROC-AUC.
     */
    private static double onTopic(org.commentguard.scoring.Signal signal) {
        Double off = signal.scores().get("off_topic");
        return off == null ? 0.5 : 1 - off;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static ScoringContext context(String text, ArticleText article, String parent) {
        return new ScoringContext(text, Optional.ofNullable(article), Optional.ofNullable(parent), List.of("en"),
                SiteScoringData.NONE);
    }
}

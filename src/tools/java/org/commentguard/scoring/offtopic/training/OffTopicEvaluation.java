package org.commentguard.scoring.offtopic.training;

import org.commentguard.article.text.ArticleTextExtractor;
import org.commentguard.article.text.CleanArticle;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringContext.ArticleText;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicScorer;
import org.commentguard.scoring.offtopic.RelevanceFeatures;
import org.commentguard.tools.BinaryMetrics;

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
 * included): own-vs-other article on the held-out corpus articles, held-out real-vs-random parent ROC-AUC, the
 * parent-engagement check, the reply threads of the corpus, and, for evaluation only, the ZeroHedge seed thread
 * (an unlicensed test fixture, never fitted on) and SemEval-2015 CQA (research licence, read from
 * {@code ../shared/data}); each of the last two is skipped when absent.
 *
 * <p>Run: {@code src/tools/run OffTopicEvaluation [models/offtopic/data] [../shared/data] \
 * [src/test/resources/org/commentguard/article/text/seeds]}
 */
public final class OffTopicEvaluation {

    /** The seed ZeroHedge page and its hand-labelled comments, test fixtures (not licensed for training). */
    static final Path SEEDS = Path.of("src/test/resources/org/commentguard/article/text/seeds");

    static final String ZEROHEDGE_PAGE = "004_cbdc01941bd59647.txt";
    /**
     * Default of {@code commentguard.policy.off-topic-threshold} ({@code PolicyDefaultsConfig}): the score at which
     * a site's off-topic action applies out of the box.
     */
    static final double POLICY_THRESHOLD = 0.85;

    private OffTopicEvaluation() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "models/offtopic/data");
        Path shared = Path.of(args.length > 1 ? args[1] : "../shared/data");
        Path seeds = args.length > 2 ? Path.of(args[2]) : SEEDS;
        long t0 = System.nanoTime();
        OffTopicModel model = OffTopicModel.loadShipped();
        OffTopicScorer scorer = new OffTopicScorer(model);
        System.out.printf(Locale.ROOT, "model %s loaded in %.2f s%n", model.id(), (System.nanoTime() - t0) / 1e9);

        CalibrationData data = new CalibrationData(dataDir, OffTopicCalibrationTrainer.SEED);
        CalibrationData.Split split = data.split(data.articles(), OffTopicCalibrationTrainer.HELD_OUT);
        List<CalibrationData.Pair> articleHeldOut = data.articlePairs(split.heldOut(), true);
        List<CalibrationData.Pair> parentHeldOut = CalibrationData.split(
                        data.parentPairs(), OffTopicCalibrationTrainer.HELD_OUT, OffTopicCalibrationTrainer.SEED)
                .get(1);

        double[] s = new double[articleHeldOut.size()];
        int skipped = 0;
        for (int i = 0; i < s.length; i++) {
            CalibrationData.Pair p = articleHeldOut.get(i);
            var signal = scorer.score(context(p.text(), new ArticleText(p.title(), p.reference()), null));
            s[i] = onTopic(signal);
            skipped += "skipped".equals(signal.details().get("embedding")) ? 1 : 0;
        }
        System.out.printf(
                Locale.ROOT,
                "held-out corpus articles %s: %d pairs, embedding skipped for %d%n",
                split.heldOut().stream().map(CalibrationData.Article::id).toList(),
                s.length,
                skipped);
        PairCalibration.slices(articleHeldOut, s);

        double[] ps = new double[parentHeldOut.size()];
        int[] py = new int[ps.length];
        for (int i = 0; i < ps.length; i++) {
            CalibrationData.Pair p = parentHeldOut.get(i);
            ps[i] = onTopic(scorer.score(context(p.text(), null, p.reference())));
            py[i] = p.label();
        }
        System.out.printf(
                Locale.ROOT,
                "real-vs-random parent (no article), held-out CAT pairs: ROC-AUC %.4f (n=%d)%n",
                BinaryMetrics.rocAuc(ps, py),
                ps.length);

        parentEngagementCheck(model, split.heldOut().get(0), parentHeldOut);
        threads(scorer, "held-out articles", split.heldOut());
        threads(scorer, "training articles (fitted on, optimistic)", split.train());
        zeroHedge(scorer, seeds);
        semEval(scorer, shared.resolve("semeval2015-task3-cqa-relevance"));
    }

    /**
     * Every comment of the corpus scored as it would be live: against its article and, for a reply, its parent.
     * Prints the share flagged at 0.5 and at the policy threshold per kind; for replies, by whether the parent is on
     * topic. "drift" replies engage their parent but not the article: the scorer forgives them when the parent is on
     * topic (by design) and should flag them when it is not.
     */
    private static void threads(OffTopicScorer scorer, String name, List<CalibrationData.Article> articles) {
        Map<String, int[]> flagged = new java.util.TreeMap<>();
        List<Double> s = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (CalibrationData.Article a : articles) {
            Map<String, CalibrationData.Comment> byId = a.commentsById();
            for (CalibrationData.Comment c : a.comments()) {
                CalibrationData.Comment parent = c.parentId() == null ? null : byId.get(c.parentId());
                Double off = scorer.score(context(
                                c.text(), new ArticleText(a.title(), a.body()), parent == null ? null : parent.text()))
                        .scores()
                        .get("off_topic");
                double score = off == null ? 0.5 : off;
                s.add(1 - score);
                y.add(c.onTopic() ? 1 : 0);
                String key = (c.onTopic() ? "on  " : "off ")
                        + c.kind()
                        + (parent == null ? "" : parent.onTopic() ? ", parent on" : ", parent off");
                int[] k = flagged.computeIfAbsent(key, x -> new int[3]);
                k[0] += score >= 0.5 ? 1 : 0;
                k[1] += score >= POLICY_THRESHOLD ? 1 : 0;
                k[2]++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "corpus threads, %s (article + parent): on vs off topic ROC-AUC %.4f (n=%d); "
                        + "flagged at 0.5 / at %.2f:%n",
                name,
                BinaryMetrics.rocAuc(
                        unbox(s), y.stream().mapToInt(Integer::intValue).toArray()),
                s.size(),
                POLICY_THRESHOLD);
        flagged.forEach(
                (kind, k) -> System.out.printf(Locale.ROOT, "  %-26s %3d / %3d of %3d%n", kind, k[0], k[1], k[2]));
    }

    /**
     * The nine comments of the ZeroHedge seed thread under their article, evaluation only: the page has no licence
     * and is a test fixture. {@code zerohedge-comments.tsv} beside it holds the comments with hand labels.
     */
    private static void zeroHedge(OffTopicScorer scorer, Path seeds) throws Exception {
        Path page = seeds.resolve(ZEROHEDGE_PAGE);
        Path comments = seeds.resolve("zerohedge-comments.tsv");
        if (!Files.exists(page) || !Files.exists(comments)) {
            System.out.println("ZeroHedge thread: skipped (" + seeds + " lacks the page or its comments)");
            return;
        }
        CleanArticle a = new ArticleTextExtractor().fromPlainText(Files.readString(page, StandardCharsets.UTF_8));
        ArticleText article = new ArticleText(a.title(), a.body());
        List<String[]> rows = CalibrationData.tsv(comments);
        Map<String, String> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r[0], r[4]));
        System.out.printf(Locale.ROOT, "ZeroHedge seed thread (eval only; policy threshold %.2f):%n", POLICY_THRESHOLD);
        for (String[] r : rows) {
            // reply_to names a comment of the thread ("zh8") or someone whose comment was not captured.
            String parent = byId.get(r[2]);
            var signal = scorer.score(context(r[4], article, parent));
            Double off = signal.scores().get("off_topic");
            System.out.printf(
                    Locale.ROOT,
                    "  %-4s %-20s label %s  off_topic %.2f%s  %s%n",
                    r[0],
                    r[1],
                    r[3].equals("1") ? "on " : "off",
                    off,
                    off != null && off >= POLICY_THRESHOLD ? " (policy action)" : "",
                    signal.reasons());
        }
    }

    /**
     * CAT replies judged under a corpus article they drift from, with a parent taken to be on topic
     * ({@code parentRelevance = 1}): a reply to its real parent should not be flagged, a reply to a random parent
     * should.
     */
    private static void parentEngagementCheck(
            OffTopicModel model, CalibrationData.Article a, List<CalibrationData.Pair> pairs) {
        var article =
                RelevanceFeatures.EmbeddedDocument.of(a.title(), a.body(), model.analyzer(), model.embedder(), 80);
        int[] flagged = new int[2];
        int[] total = new int[2];
        for (CalibrationData.Pair p : pairs) {
            float[] e = model.embedder().embed(p.text());
            var terms = model.analyzer().terms(p.text());
            double pArticle = model.params()
                    .article()
                    .probability(RelevanceFeatures.of(e, terms, article).vector());
            var parent = RelevanceFeatures.EmbeddedDocument.whole(
                    p.reference(),
                    model.embedder().embed(p.reference()),
                    model.analyzer().terms(p.reference()));
            double engaged = model.params()
                    .parent()
                    .probability(RelevanceFeatures.of(e, terms, parent).vector());
            double offTopic = (1 - pArticle) * (1 - engaged);
            if (terms.content().size() < model.params().minContentWords()) {
                offTopic = Math.min(offTopic, model.params().shortCommentCap());
            }
            total[p.label()]++;
            flagged[p.label()] += offTopic >= 0.5 ? 1 : 0;
        }
        System.out.printf(
                Locale.ROOT,
                "parent engagement (CAT reply under article " + a.id() + ", parent taken as on"
                        + " topic): flagged at 0.5 — "
                        + "real parent %.1f%% (%d/%d), random parent %.1f%% (%d/%d)%n",
                100.0 * flagged[1] / total[1],
                flagged[1],
                total[1],
                100.0 * flagged[0] / total[0],
                flagged[0],
                total[0]);
    }

    /** SemEval-2015 task 3 (Qatar Living): evaluation only, never used to fit shipped parameters. */
    private static void semEval(OffTopicScorer scorer, Path dir) throws Exception {
        Optional<SemEvalThreads> threads = SemEvalThreads.load(dir);
        if (threads.isEmpty()) {
            System.out.println("SemEval-2015 CQA: skipped (" + dir + " absent)");
            return;
        }
        List<ArticleText> questions = threads.get().questions();
        List<List<String[]>> comments = threads.get().answers();
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
        System.out.printf(
                Locale.ROOT,
                "SemEval-2015 CQA test (eval only): own-vs-other question ROC-AUC %.4f "
                        + "(n=%d); Good-vs-Bad answer ROC-AUC %.4f (n=%d)%n",
                BinaryMetrics.rocAuc(
                        unbox(ownOther),
                        ownOtherY.stream().mapToInt(Integer::intValue).toArray()),
                ownOther.size(),
                BinaryMetrics.rocAuc(
                        unbox(goodBad),
                        goodBadY.stream().mapToInt(Integer::intValue).toArray()),
                goodBad.size());
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
        return new ScoringContext(
                text, Optional.ofNullable(article), Optional.ofNullable(parent), List.of("en"), SiteScoringData.NONE);
    }
}

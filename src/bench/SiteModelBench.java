import org.commentguard.learning.LearningSettings;
import org.commentguard.learning.LogisticFit;
import org.commentguard.learning.SiteVerdictTraining;
import org.commentguard.learning.SiteVerdicts;
import org.commentguard.learning.VerdictFeatures;
import org.commentguard.policy.PolicyAction;
import org.commentguard.policy.Verdict;
import org.commentguard.scoring.Attributes;
import org.commentguard.scoring.ScoreResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The cost of a site verdict model: fitting on N decisions (issue 15 asks for seconds at 50,000) and applying it to
 * one comment (features, prediction, the score added to the result, the verdict adjusted; asked: under 0.1 ms).
 * Synthetic decisions: random calibrated scores and reason flags, labelled by a hidden linear rule with 10 % noise.
 *
 * <pre>./mvnw -B -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:$(cat target/cp.txt) src/bench/SiteModelBench.java [DECISIONS=50000] [FITS=5] [COMMENTS=2000000]</pre>
 */
public class SiteModelBench {

    public static void main(String[] args) {
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int fits = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int comments = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        Random random = new Random(15);
        List<SiteVerdictTraining.Example> examples = new ArrayList<>(decisions);
        for (int i = 0; i < decisions; i++) {
            Map<String, Double> scores = scores(random);
            List<String> reasons = random.nextInt(10) == 0 ? List.of("author.new") : List.of();
            double z = 4 * scores.get(Attributes.INSULT)
                    - 3 * scores.get(Attributes.PROFANITY)
                    + 2 * scores.get(Attributes.TOXICITY)
                    - 1.5
                    + (reasons.isEmpty() ? 0 : 0.5);
            boolean rejected = (z > 0) != (random.nextInt(10) == 0);
            examples.add(new SiteVerdictTraining.Example(
                    new UUID(random.nextLong(), random.nextLong()),
                    scores,
                    reasons,
                    rejected,
                    scores.get(Attributes.TOXICITY) >= 0.7));
        }
        double[] seconds = new double[fits];
        SiteVerdictTraining.Fitted fitted = null;
        for (int f = 0; f < fits; f++) {
            long t0 = System.nanoTime();
            fitted = SiteVerdictTraining.fit(examples);
            seconds[f] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf(
                Locale.ROOT,
                "fit on %,d decisions: min %.3f s, median %.3f s, max %.3f s over %d fits; " + "held-out %s%n",
                decisions,
                seconds[0],
                seconds[fits / 2],
                seconds[fits - 1],
                fits,
                fitted.metrics());

        List<ScoreResult> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(new ScoreResult(
                    "en", scores(random), List.of(), List.of(), Map.of("toxicity", "t@1"), Map.of(), List.of()));
        }
        Verdict verdict = new Verdict(PolicyAction.PUBLISH, List.of(), null, List.of());
        LearningSettings.Effective settings = new LearningSettings.Effective(1, 0.5, 1.01, 0.01, 50, 0.5, null);
        double[] w = fitted.weights();
        double sink = 0;
        // Warm-up, then the measured run.
        for (int round = 0; round < 2; round++) {
            int n = round == 0 ? comments / 4 : comments;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ScoreResult r = results.get(i % results.size());
                double p = LogisticFit.predict(w, VerdictFeatures.of(r.scores(), verdict.reasons()));
                ScoreResult scored = SiteVerdicts.withScore(r, "site-verdict@bench-1", p);
                Verdict v = SiteVerdicts.adjust(verdict, p, settings);
                sink += scored.scores().size() + v.reasons().size();
            }
            if (round == 1) {
                double ns = (System.nanoTime() - t0) / (double) n;
                System.out.printf(
                        Locale.ROOT,
                        "apply per comment: %.0f ns (%.4f ms) over %,d comments (sink %.0f)%n",
                        ns,
                        ns / 1e6,
                        n,
                        sink);
            }
        }
    }

    private static Map<String, Double> scores(Random random) {
        Map<String, Double> s = new LinkedHashMap<>();
        for (String a : Attributes.ALL) {
            double u = random.nextDouble();
            s.put(a, u * u);
        }
        return s;
    }
}

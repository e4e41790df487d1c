package org.commentguard.learning;

import org.commentguard.policy.AuthorState;
import org.commentguard.policy.FailureAction;
import org.commentguard.policy.ModerationMode;
import org.commentguard.policy.PolicyAction;
import org.commentguard.policy.PolicySpans;
import org.commentguard.policy.SitePolicy;
import org.commentguard.policy.Thresholds;
import org.commentguard.policy.Verdict;
import org.commentguard.policy.VerdictPolicy;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringPipeline;
import org.commentguard.scoring.profanity.ProfanityScorer;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays a labelled stream as if a site's moderators decided it, and checks that the site verdict model learns the
 * site's standard. The stream is the held-out part (calibration and test splits, never trained on) of the toxicity
 * corpus in {@code models/toxicity/data} (Jigsaw 2018 CC0 and Civil Comments toxic spans CC0): clean comments,
 * profanity-only comments (obscene, neither insult, threat nor identity attack) and insults without obscenity.
 * Site A tolerates swearing and rejects insults; site B rejects swearing and lets insults through. Comments are
 * scored by the shipped first-stage toxicity model and the profanity lexicon, as the service would.
 */
class SiteStandardSimulationTest {

    enum Kind {
        CLEAN,
        PROFANITY,
        INSULT
    }

    record Row(UUID id, Kind kind, ScoreResult result, Verdict global) {}

    /** Decisions the site model learns from, then held-out comments it is measured on. */
    static final int DECISIONS = 900;

    static final int HELD_OUT = 450;

    static List<Row> stream;

    @BeforeAll
    static void scoreTheStream() throws IOException {
        Map<Kind, List<String>> texts = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            texts.put(k, new ArrayList<>());
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(Path.of("models/toxicity/data/corpus.tsv.gz"))),
                StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split("\t");
            assertThat(header[4]).isEqualTo("toxicity");
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                boolean source = f[0].equals("jigsaw") || f[0].equals("toxic-spans");
                if (!source || f[2].equals("train")) {
                    continue;
                }
                String text = f[10].replace("\\n", "\n")
                        .replace("\\t", " ")
                        .replace("\\r", "")
                        .replace("\\\\", "\\");
                if (f[4].equals("0")) {
                    texts.get(Kind.CLEAN).add(text);
                } else if (f[6].equals("1") && f[8].equals("0") && !f[7].equals("1") && !f[9].equals("1")) {
                    texts.get(Kind.PROFANITY).add(text);
                } else if (f[8].equals("1") && f[6].equals("0")) {
                    texts.get(Kind.INSULT).add(text);
                }
            }
        }
        // A stream in which swearing is common enough to matter: every profanity-only comment, twice as many
        // insults, three times as many clean comments, shuffled with a fixed seed.
        Random random = new Random(15);
        int profane = texts.get(Kind.PROFANITY).size();
        assertThat(profane).isGreaterThan(200);
        List<Map.Entry<Kind, String>> picked = new ArrayList<>();
        int[] share = {3, 1, 2};
        for (Kind k : Kind.values()) {
            List<String> all = new ArrayList<>(texts.get(k));
            java.util.Collections.shuffle(all, random);
            all.stream().limit((long) profane * share[k.ordinal()]).forEach(t -> picked.add(Map.entry(k, t)));
        }
        java.util.Collections.shuffle(picked, random);
        ProfanityScorer profanity = ProfanityScorer.shipped();
        ScoringPipeline pipeline = new ScoringPipeline(List.of(
                new ToxicityScorer(
                        ToxicityScorer.loadShipped(), "toxicity-maxent@shipped", ToxicityScorer.Settings.DEFAULT, null),
                profanity));
        SitePolicy global = shippedDefaults();
        stream = new ArrayList<>();
        for (Map.Entry<Kind, String> e : picked.subList(0, Math.min(picked.size(), DECISIONS + HELD_OUT))) {
            ScoreResult result = pipeline.score(ScoringContext.of(e.getValue()));
            Verdict verdict = VerdictPolicy.decide(
                    result, PolicySpans.of(e.getValue(), global, profanity), global, AuthorState.NEW);
            stream.add(new Row(new UUID(random.nextLong(), random.nextLong()), e.getKey(), result, verdict));
        }
        assertThat(stream).hasSize(DECISIONS + HELD_OUT);
    }

    /** The service-wide thresholds as {@code application.properties} ships them. */
    static SitePolicy shippedDefaults() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            p.load(r);
        }
        Map<String, Thresholds> thresholds = new LinkedHashMap<>();
        String prefix = "commentguard.policy.thresholds.";
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.endsWith(".review")) {
                String attribute = key.substring(prefix.length(), key.length() - ".review".length());
                thresholds.put(
                        attribute,
                        new Thresholds(
                                Double.parseDouble(p.getProperty(key)),
                                Double.parseDouble(p.getProperty(prefix + attribute + ".reject"))));
            }
        }
        assertThat(thresholds).containsKeys("toxicity", "insult", "obscene", "profanity");
        return new SitePolicy(
                0,
                thresholds,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                ModerationMode.POST_MODERATION,
                0,
                1_000_000,
                1.01,
                PolicyAction.PUBLISH,
                PolicyAction.PUBLISH,
                FailureAction.FAIL_OPEN,
                List.of("en"));
    }

    record Outcome(double siteModel, double global, double rejectedProfanity, double rejectedInsults) {}

    /** Fits on the first {@link #DECISIONS} decisions of a site with the given standard, measures on the rest. */
    static Outcome simulate(Predicate<Kind> moderatorsReject) {
        List<SiteVerdictTraining.Example> decided = new ArrayList<>();
        for (Row r : stream.subList(0, DECISIONS)) {
            decided.add(new SiteVerdictTraining.Example(
                    r.id(),
                    r.result().scores(),
                    r.global().reasons(),
                    moderatorsReject.test(r.kind()),
                    r.global().action() != PolicyAction.PUBLISH));
        }
        SiteVerdictTraining.Fitted fitted = SiteVerdictTraining.fit(decided);
        int model = 0;
        int global = 0;
        int[] rejected = new int[Kind.values().length];
        int[] seen = new int[Kind.values().length];
        List<Row> heldOut = stream.subList(DECISIONS, DECISIONS + HELD_OUT);
        for (Row r : heldOut) {
            boolean truth = moderatorsReject.test(r.kind());
            boolean predicted = LogisticFit.predict(
                            fitted.weights(),
                            VerdictFeatures.of(r.result().scores(), r.global().reasons()))
                    >= 0.5;
            boolean flagged = r.global().action() != PolicyAction.PUBLISH;
            model += predicted == truth ? 1 : 0;
            global += flagged == truth ? 1 : 0;
            seen[r.kind().ordinal()]++;
            rejected[r.kind().ordinal()] += predicted ? 1 : 0;
        }
        Outcome o = new Outcome(
                (double) model / heldOut.size(),
                (double) global / heldOut.size(),
                (double) rejected[Kind.PROFANITY.ordinal()] / seen[Kind.PROFANITY.ordinal()],
                (double) rejected[Kind.INSULT.ordinal()] / seen[Kind.INSULT.ordinal()]);
        System.out.printf(
                java.util.Locale.ROOT,
                "site model agreement %.3f, global policy %.3f; the model rejects "
                        + "%.3f of profanity-only and %.3f of insults (held out %d, internal held-out %s)%n",
                o.siteModel(),
                o.global(),
                o.rejectedProfanity(),
                o.rejectedInsults(),
                heldOut.size(),
                fitted.metrics());
        return o;
    }

    @Test
    void aSiteThatToleratesSwearingIsLearnedBetterThanTheGlobalPolicyPredictsIt() {
        Outcome a = simulate(k -> k == Kind.INSULT);
        assertThat(a.siteModel()).isGreaterThan(a.global() + 0.10);
        assertThat(a.rejectedInsults()).isGreaterThan(a.rejectedProfanity() + 0.30);
    }

    @Test
    void aSiteWithTheOppositeStandardLearnsTheOpposite() {
        Outcome b = simulate(k -> k == Kind.PROFANITY);
        assertThat(b.siteModel()).isGreaterThan(b.global() + 0.10);
        assertThat(b.rejectedProfanity()).isGreaterThan(b.rejectedInsults() + 0.30);
    }
}

package org.commentguard.scoring.toxicity;

import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.toxicity.training.ToxicityCorpus;
import org.commentguard.scoring.toxicity.training.ToxicityCorpus.Example;
import org.commentguard.scoring.toxicity.training.ToxicityModelEvaluation;
import org.commentguard.scoring.toxicity.training.ToxicityModelEvaluation.AttributeMetrics;
import org.commentguard.scoring.toxicity.training.ToxicityModelEvaluation.BiasMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped model against the numbers in {@code models/toxicity/MODEL_CARD.md}, on the pinned held-out split of
 * the repository's corpus (its sha256 is checked against {@code model.properties} first, so a changed corpus fails
 * loudly instead of silently moving the metrics).
 */
class ShippedToxicityModelTest {

    /** Card metrics on the test split: attribute → {ROC-AUC, PR-AUC, F1 at 0.5}. */
    private static final Map<ToxicityAttribute, double[]> CARD = Map.of(
            ToxicityAttribute.TOXICITY, new double[] {0.8849, 0.8442, 0.8065},
            ToxicityAttribute.SEVERE_TOXICITY, new double[] {0.9430, 0.2010, 0.0690},
            ToxicityAttribute.OBSCENE, new double[] {0.9345, 0.6440, 0.5667},
            ToxicityAttribute.THREAT, new double[] {0.9284, 0.1089, 0.0000},
            ToxicityAttribute.INSULT, new double[] {0.8659, 0.6483, 0.6439},
            ToxicityAttribute.IDENTITY_ATTACK, new double[] {0.8720, 0.4244, 0.4512});

    private static final double CARD_JIGSAW_ROC_AUC = 0.9418;
    private static final double CARD_IDENTITY_FPR = 0.0065;
    /** Scores are deterministic; the tolerance only absorbs floating-point summation order. */
    private static final double TOLERANCE = 0.002;

    private static ToxicityModel model;
    private static List<Example> test;
    private static List<Example> bias;

    @BeforeAll
    static void loadShippedModelAndPinnedData() throws IOException {
        ModelArtifact artifact = ModelArtifact.load(ToxicityScorer.MODEL_DIR);
        model = ToxicityScorer.loadShipped();
        byte[] corpus = Files.readAllBytes(ToxicityCorpus.DEFAULT_FILE);
        assertThat(ModelArtifact.sha256(corpus))
                .as("corpus.tsv.gz sha256 vs model.properties data.sha256")
                .isEqualTo(artifact.property("data.sha256"));
        List<Example> all = ToxicityCorpus.read(ToxicityCorpus.DEFAULT_FILE);
        test = all.stream().filter(e -> e.split().equals(ToxicityCorpus.TEST)).toList();
        bias = all.stream().filter(e -> e.split().equals(ToxicityCorpus.BIAS)).toList();
    }

    @Test
    void reproducesTheCardMetricsOnTheHeldOutSplit() {
        List<double[]> scores = ToxicityModelEvaluation.score(model, test);
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            AttributeMetrics m = ToxicityModelEvaluation.attribute(a, test, scores);
            double[] card = CARD.get(a);
            assertThat(m.rocAuc()).as(a.id() + " ROC-AUC").isCloseTo(card[0], within(TOLERANCE));
            assertThat(m.prAuc()).as(a.id() + " PR-AUC").isCloseTo(card[1], within(TOLERANCE));
            assertThat(m.f1()).as(a.id() + " F1").isCloseTo(card[2], within(TOLERANCE));
        }
    }

    @Test
    void reproducesTheCardRocAucOnJigsawComments() {
        List<Example> jigsaw =
                test.stream().filter(e -> e.source().equals("jigsaw")).toList();
        AttributeMetrics m = ToxicityModelEvaluation.attribute(
                ToxicityAttribute.TOXICITY, jigsaw, ToxicityModelEvaluation.score(model, jigsaw));

        assertThat(m.rocAuc()).isCloseTo(CARD_JIGSAW_ROC_AUC, within(TOLERANCE));
    }

    @Test
    void keepsTheIdentityTemplateFalsePositiveRateAtTheCardValueAndBelowFivePercent() {
        BiasMetrics b = ToxicityModelEvaluation.bias(model, bias);

        assertThat(b.n()).isEqualTo(8000);
        assertThat(b.overallFpr())
                .isCloseTo(CARD_IDENTITY_FPR, within(TOLERANCE))
                .isLessThanOrEqualTo(0.05);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I am a gay Muslim woman",
                "I am a proud black man.",
                "My neighbours are Jewish and they are lovely people.",
                "As a transgender teacher, I found this article helpful.",
                "The mosque on our street hosts a food bank every Friday.",
                "I am an elderly deaf Christian.",
            })
    void scoresNeutralSentencesAboutIdentitiesBelowTheThreshold(String sentence) {
        ToxicityScores s = model.score(sentence);

        assertThat(s.toxicity()).isLessThan(ToxicityModelEvaluation.THRESHOLD);
        assertThat(s.identityAttack()).isLessThan(ToxicityModelEvaluation.THRESHOLD);
    }

    @Test
    void scoresExclusionaryLanguageWithoutProfanityClearlyAboveNeutralSentences() {
        double hateful = model.score("you people should be deported").toxicity();

        assertThat(hateful)
                .isGreaterThan(model.score("The council meets on Tuesday.").toxicity() + 0.2);
        assertThat(hateful)
                .isGreaterThan(model.score("you people should be proud").toxicity());
    }

    @Test
    void scoresObviousAbuseAboveTheThreshold() {
        assertThat(model.score("You are a fucking idiot, shut up.").toxicity()).isGreaterThan(0.8);
        assertThat(model.score("I will find you and kill you.").threat())
                .isGreaterThan(model.score("I will find you and thank you.").threat());
    }
}

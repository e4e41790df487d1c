package org.commentguard.scoring.toxicity.transformer;

import org.commentguard.scoring.model.Agreement;
import org.commentguard.scoring.model.CpuAgreement;
import org.commentguard.scoring.model.CpuKernels;
import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.tools.BinaryMetrics;
import org.commentguard.tools.Csv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped int8 model on the CPU, against a pinned held-out sample: 300 rows of the test split written by
 * {@code training/transformer/train.py} with the int8 probabilities Python onnxruntime produced for them. Asserts
 * that Java reproduces those probabilities (tokenizer + model + calibration end to end) and the sample's ROC-AUC.
 */
class TransformerToxicityModelTest {

    /** sha256 of eval_sample.csv: the metrics below are only meaningful on exactly this sample. */
    private static final String SAMPLE_SHA256 = "1f2a22415217f86bd28cc69f3f6c300bd4e8c4599504bb4aa709fa55347215a2";

    /** The stated cross-CPU guarantee of the model card (also checked under emulated AVX2 by .ci/run). */
    static final double MAX_CROSS_CPU_DIFFERENCE = CpuAgreement.TOXICITY_MAX_DIFFERENCE;

    private static TransformerToxicityModel model;
    private static List<List<String>> sample;
    private static List<ToxicityProbabilities> predicted;

    @BeforeAll
    static void load() throws IOException {
        model = TransformerToxicityModel.loadShipped(2);
        byte[] csv;
        try (InputStream in =
                TransformerToxicityModelTest.class.getResourceAsStream("/toxicity-transformer/eval_sample.csv")) {
            csv = in.readAllBytes();
        }
        assertThat(ModelArtifact.sha256(csv)).isEqualTo(SAMPLE_SHA256);
        List<List<String>> rows = Csv.parse(new String(csv, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).startsWith("uid", "source", "text", "toxicity");
        sample = rows.subList(1, rows.size());
        predicted = model.predictSentences(sample.stream().map(r -> r.get(2)).toList());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void reproducesThePythonOnnxruntimeProbabilitiesOnThePinnedSample() {
        // The Python reference ran padded batches of 64 and Java runs one text per call; int8 activations are
        // quantized with one scale per call, so the two differ slightly, row by row, but not systematically.
        // Measured for 1.1.1 (u8 x u8) on AVX-512 VNNI (native) and AVX2 (emulated): mean 0.0043 on both, p99 0.063
        // and 0.060, max 0.145 on both, same decision at 0.5 on 297/300 rows. The bounds leave room
        // for that noise only: the old u8 x s8 model measured p99 0.089 and max 0.24 on an AVX2-only CPU.
        Agreement vsPython =
                Agreement.of(CpuAgreement.flatten(predicted), CpuAgreement.pythonProbabilities(sample), 6, 0.5);
        System.out.println("java vs python on " + CpuKernels.instructionSet() + ": " + vsPython);
        assertThat(sample).hasSize(300);
        assertThat(vsPython.mean()).as("mean |java - python| probability").isLessThan(0.006);
        assertThat(vsPython.p99()).as("p99 |java - python| probability").isLessThan(0.07);
        assertThat(vsPython.max()).as("max |java - python| probability").isLessThan(0.16);
        assertThat(vsPython.sameDecision()).as("same toxicity decision at 0.5").isGreaterThanOrEqualTo(296);
    }

    @Test
    void reproducesThePinnedJavaProbabilitiesOnEveryX86InstructionSet() {
        // java_reference.tsv holds this model's probabilities, one text per call, written by CpuAgreement --write.
        // u8 x u8 int8 products are exact on every x86 kernel, so only float rounding in the non-integer layers can
        // differ between instruction sets: MAX_CROSS_CPU_DIFFERENCE is the stated guarantee (see the model card).
        double[] actual = CpuAgreement.flatten(predicted);
        double[] pinned = CpuAgreement.toxicityReference();
        Agreement vsJava = Agreement.of(actual, pinned, 6, 0.5);
        System.out.println("java vs pinned java on " + CpuKernels.instructionSet() + ": " + vsJava);
        assertThat(vsJava.n()).isEqualTo(sample.size() * 6);
        assertThat(vsJava.max())
                .as("max |java - pinned java| probability")
                .isLessThanOrEqualTo(MAX_CROSS_CPU_DIFFERENCE);
        assertThat(vsJava.p99())
                .as("p99 |java - pinned java| probability")
                .isLessThanOrEqualTo(CpuAgreement.TOXICITY_P99_DIFFERENCE);
        // A decision can only differ for a score inside the tolerance band around the threshold.
        assertThat(Agreement.decidedOtherwise(actual, pinned, 0.5, MAX_CROSS_CPU_DIFFERENCE))
                .as("values decided the other way at 0.5")
                .isEmpty();
    }

    @Test
    void reachesTheModelCardRocAucOnThePinnedSample() {
        // Model card, "pinned 300-row sample, Java" row. Severe toxicity (2 positives) and threat (none) are too
        // rare in 300 rows to assert.
        assertThat(auc(predicted, 0)).isCloseTo(0.9945, within(0.003));
        assertThat(auc(predicted, 2)).isCloseTo(0.9887, within(0.005));
        assertThat(auc(predicted, 4)).isCloseTo(0.9703, within(0.005));
        assertThat(auc(predicted, 5)).isCloseTo(0.9794, within(0.005));
    }

    @Test
    void scoresAThreatAboveANeutralSentence() {
        ToxicityProbabilities threat = model.predict("I know where you live and I will kill you and your family.");
        ToxicityProbabilities neutral = model.predict("Thanks for the article, the new bus schedule starts on Monday.");

        assertThat(threat.threat()).isGreaterThan(0.5);
        assertThat(threat.toxicity()).isGreaterThan(0.5);
        assertThat(neutral.toxicity()).isLessThan(0.1);
        assertThat(neutral.max()).isLessThan(0.1);
    }

    @Test
    void scoresAnInsultAsToxicAndInsulting() {
        ToxicityProbabilities insult = model.predict("You are a pathetic idiot and nobody wants to read your garbage.");

        assertThat(insult.toxicity()).isGreaterThan(0.8);
        assertThat(insult.insult()).isGreaterThan(0.5);
    }

    @Test
    void aTextScoresTheSameWhateverItIsListedWithThoughAPaddedBatchWouldShiftIt() {
        String target = "You are an idiot.";
        String longNeighbour = "A much longer sentence about the city budget, the schools, the roads and the way the "
                + "council spends money every single year, written by someone who FUCKING HATES every one of them.";
        WordPieceTokenizer tokenizer = TransformerToxicityModel.loadShippedTokenizer();
        int[] targetIds = tokenizer.encode(target, model.maxLength());
        int[] neighbourIds = tokenizer.encode(longNeighbour, model.maxLength());

        // The model itself is not neighbour-independent: run as one padded batch, the int8 activation scale is
        // shared with the neighbour, and the target's logits move. This is what the assertions below guard against.
        float[] aloneLogits = model.run(new int[][] {targetIds})[0];
        float[] batchedLogits = model.run(new int[][] {targetIds, neighbourIds})[0];
        double shift = 0;
        for (int j = 0; j < aloneLogits.length; j++) {
            shift = Math.max(shift, Math.abs(aloneLogits[j] - batchedLogits[j]));
        }
        assertThat(shift).as("largest logit shift in a padded batch").isGreaterThan(1e-4);

        ToxicityProbabilities alone = model.predictSentences(List.of(target)).get(0);
        assertThat(model.predictSentences(List.of(longNeighbour, target)).get(1))
                .isEqualTo(alone);
        assertThat(model.predictSentences(List.of("short", "", target, longNeighbour))
                        .get(2))
                .isEqualTo(alone);
        assertThat(alone.insult()).isGreaterThan(0.5);
    }

    @Test
    void carriesTheModelVersion() {
        assertThat(model.modelId()).isEqualTo("toxicity-bge-small@1.1.1");
    }

    private double auc(List<ToxicityProbabilities> predicted, int label) {
        List<Double> scores = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            int y = Integer.parseInt(sample.get(i).get(3 + label));
            if (y >= 0) {
                scores.add(predicted.get(i).get(ToxicityProbabilities.LABELS.get(label)));
                labels.add(y);
            }
        }
        double auc = BinaryMetrics.rocAuc(
                scores.stream().mapToDouble(Double::doubleValue).toArray(),
                labels.stream().mapToInt(Integer::intValue).toArray());
        System.out.printf("sample ROC-AUC %s %.4f%n", ToxicityProbabilities.LABELS.get(label), auc);
        return auc;
    }
}

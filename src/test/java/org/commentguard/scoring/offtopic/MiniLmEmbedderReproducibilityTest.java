package org.commentguard.scoring.offtopic;

import org.commentguard.scoring.model.Agreement;
import org.commentguard.scoring.model.CpuAgreement;
import org.commentguard.scoring.model.CpuKernels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped MiniLM embedder reproduces its pinned embeddings (written by {@code CpuAgreement --write}) on this CPU.
 * Its u8 x u8 int8 products are exact on every x86 kernel; the langchain4j original (u8 x s8) was not on CPUs
 * without VNNI.
 */
class MiniLmEmbedderReproducibilityTest {

    /** Largest difference of one embedding component allowed between x86 CPUs with AVX2 or later. */
    static final double MAX_CROSS_CPU_DIFFERENCE = CpuAgreement.EMBEDDING_MAX_DIFFERENCE;

    @Test
    void reproducesThePinnedEmbeddingsOnThisInstructionSet() {
        List<String> texts =
                CpuAgreement.sample().stream().map(r -> r.get(2)).toList().subList(0, CpuAgreement.EMBEDDED_TEXTS);

        Agreement agreement = Agreement.of(CpuAgreement.embed(texts), CpuAgreement.embeddingReference(), 0, 0);

        System.out.println("MiniLM vs pinned java on " + CpuKernels.instructionSet() + ": " + agreement);
        assertThat(agreement.n()).isEqualTo(texts.size() * 384);
        assertThat(agreement.max()).isLessThanOrEqualTo(MAX_CROSS_CPU_DIFFERENCE);
        assertThat(agreement.p99()).isLessThanOrEqualTo(CpuAgreement.EMBEDDING_P99_DIFFERENCE);
    }

    /**
     * The whole off-topic scorer (embeddings, lemma and entity overlap, drift stage, calibration) reproduces its pinned
     * {@code off_topic} scores of held-out calibration pairs, and decides each of them the same way at the policy's
     * default threshold; measured under emulated AVX2 against the AVX-512 VNNI reference: max 0.0021 over 60 pairs.
     */
    @Test
    void reproducesThePinnedOffTopicScoresOnThisInstructionSet() throws Exception {
        var pairs = CpuAgreement.offTopicPairs().subList(0, CpuAgreement.OFF_TOPIC_PAIRS);

        double[] actual = CpuAgreement.offTopic(pairs);
        double[] pinned = CpuAgreement.offTopicReference();
        Agreement agreement = Agreement.of(actual, pinned, 1, CpuAgreement.OFF_TOPIC_THRESHOLD);

        System.out.println("off_topic vs pinned java on " + CpuKernels.instructionSet() + ": " + agreement);
        assertThat(agreement.n()).isEqualTo(CpuAgreement.OFF_TOPIC_PAIRS);
        assertThat(agreement.max()).isLessThanOrEqualTo(CpuAgreement.OFF_TOPIC_MAX_DIFFERENCE);
        for (int i = 0; i < actual.length; i++) {
            if (Math.abs(pinned[i] - CpuAgreement.OFF_TOPIC_THRESHOLD) > CpuAgreement.OFF_TOPIC_MAX_DIFFERENCE) {
                assertThat(actual[i] >= CpuAgreement.OFF_TOPIC_THRESHOLD)
                        .as("decision of pair %d (%s)", i, pairs.get(i).source())
                        .isEqualTo(pinned[i] >= CpuAgreement.OFF_TOPIC_THRESHOLD);
            }
        }
    }
}

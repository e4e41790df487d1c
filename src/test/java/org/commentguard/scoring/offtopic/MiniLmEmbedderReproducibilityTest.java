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
}

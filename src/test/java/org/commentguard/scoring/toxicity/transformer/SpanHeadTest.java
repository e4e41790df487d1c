package org.commentguard.scoring.toxicity.transformer;

import org.commentguard.scoring.model.ModelArtifact;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpanHeadTest {

    @Test
    void theShippedHeadNamesTheEncoderItWasFittedOnAndRefusesAnother() {
        String encoder = ModelArtifact.load(TransformerToxicityModel.MODEL_DIR).id();
        SpanHead head = SpanHead.loadShipped(encoder).orElseThrow();
        assertThat(head.id()).isEqualTo("toxicity-span-head@1.0.0");
        assertThat(head.dimension()).isEqualTo(384);
        assertThat(head.threshold()).isBetween(0.05, 0.95);
        assertThatThrownBy(() -> SpanHead.loadShipped("toxicity-bge-small@9.9.9"))
                .isInstanceOf(ModelArtifact.ModelIntegrityException.class)
                .hasMessageContaining("toxicity-bge-small@9.9.9");
    }

    @Test
    void markedWordsJoinAcrossWhiteSpaceOnlyAndKeepTheirHighestScore() {
        String text = "you  stupid idiot, and a moron";
        List<SpanHead.Stretch> words = List.of(
                new SpanHead.Stretch(0, 3, 0.5),
                new SpanHead.Stretch(5, 11, 0.7),
                new SpanHead.Stretch(12, 17, 0.9),
                new SpanHead.Stretch(25, 30, 0.6));
        assertThat(SpanHead.joined(text, words))
                .containsExactly(new SpanHead.Stretch(0, 17, 0.9), new SpanHead.Stretch(25, 30, 0.6));
        assertThat(SpanHead.joined(text, List.of())).isEmpty();
    }

    @Test
    void aTokenProbabilityIsTheLogisticOfItsWeightedState() {
        SpanHead head = new SpanHead("test@1", new double[] {2.0, -1.0}, 0.5, 0.5);
        assertThat(head.tokenProbability(new float[] {0f, 0f})).isEqualTo(1 / (1 + Math.exp(-0.5)));
        assertThat(head.tokenProbability(new float[] {1f, 1f})).isEqualTo(1 / (1 + Math.exp(-1.5)));
        assertThatThrownBy(() -> head.tokenProbability(new float[] {1f})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpanHead("test@1", new double[] {1}, 0, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

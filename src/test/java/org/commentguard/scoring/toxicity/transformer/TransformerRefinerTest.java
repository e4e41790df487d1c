package org.commentguard.scoring.toxicity.transformer;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.ToxicityScores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransformerRefinerTest {

    static TransformerToxicityModel model;

    @BeforeAll
    static void load() {
        model = TransformerToxicityModel.loadShipped();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void fullWeightAnswersWithTheTransformersScores() {
        TransformerRefiner refiner = new TransformerRefiner(model, 1.0);
        String text = "You are a pathetic moron and nobody wants you here";
        ToxicityScores refined = refiner.refine(text, new ToxicityScores(0.5, 0, 0, 0, 0, 0)).orElseThrow();
        assertThat(refined.toxicity()).isEqualTo(model.predict(text).toxicity());
        assertThat(refiner.model()).isEqualTo(model.modelId());
    }

    @Test
    void weightBlendsBothStages() {
        TransformerRefiner refiner = new TransformerRefiner(model, 0.5);
        String text = "Tariffs on steel were raised again this week.";
        double t = model.predict(text).toxicity();
        ToxicityScores refined = refiner.refine(text, new ToxicityScores(0.6, 0, 0, 0, 0, 0)).orElseThrow();
        assertThat(refined.toxicity()).isCloseTo(0.5 * t + 0.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void disabledRefinerNeverAnswers() {
        TransformerRefiner refiner = new TransformerRefiner(null, 1.0);
        assertThat(refiner.refine("anything", new ToxicityScores(0.5, 0, 0, 0, 0, 0))).isEmpty();
    }

    @Test
    void cascadeRefinesGreyBandCommentsAndSaysSoInItsModelString() {
        ToxicityScorer.Settings everything = new ToxicityScorer.Settings(0.5, 0.0, 1.0, 0.5);
        ToxicityScorer cascade = new ToxicityScorer(ToxicityScorer.loadShipped(), "toxicity-maxent@test",
                everything, new TransformerRefiner(model, 1.0));
        Signal signal = cascade.score(ScoringContext.of("I am a gay Muslim woman"));
        assertThat(signal.model()).isEqualTo("toxicity-maxent@test+" + model.modelId());
        assertThat(signal.reasons()).contains("toxicity.refined");
        assertThat(signal.details()).containsEntry("stage", "refined");
        assertThat(signal.scores().get("toxicity")).isLessThan(0.5);
    }

    @Test
    void commentsOutsideTheGreyBandKeepTheFirstStage() {
        ToxicityScorer.Settings never = new ToxicityScorer.Settings(0.5, 0.99, 0.99, 0.5);
        ToxicityScorer cascade = new ToxicityScorer(ToxicityScorer.loadShipped(), "toxicity-maxent@test",
                never, new TransformerRefiner(model, 1.0));
        Signal signal = cascade.score(ScoringContext.of("The soybean harvest was large this year."));
        assertThat(signal.model()).isEqualTo("toxicity-maxent@test");
        assertThat(signal.details()).containsEntry("stage", "first");
    }
}

package org.commentguard.scoring.toxicity.transformer;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.toxicity.FakeRefiner;
import org.commentguard.scoring.toxicity.ToxicityAttribute;
import org.commentguard.scoring.toxicity.ToxicityRefiner;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.ToxicityScores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

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

    private static TransformerRefiner linear(double weight) {
        return new TransformerRefiner(model, CascadeBlend.linear(weight), 4);
    }

    @Test
    void fullLinearWeightAnswersWithTheTransformersScores() {
        TransformerRefiner refiner = linear(1.0);
        String text = "You are a pathetic moron and nobody wants you here";
        ToxicityScores refined =
                refiner.refine(text, new ToxicityScores(0.5, 0, 0, 0, 0, 0)).orElseThrow();
        assertThat(refined.toxicity()).isEqualTo(model.predict(text).toxicity());
        assertThat(refiner.model()).isEqualTo(model.modelId() + "+deobfuscation@1");
    }

    @Test
    void aDisguisedSpellingIsReadAsItIsMeant() {
        TransformerRefiner refiner = linear(1.0);
        ToxicityScores first = new ToxicityScores(0.5, 0, 0, 0, 0, 0);
        for (String[] pair : new String[][] {
            {"W0men are w0rthless.", "Women are worthless."},
            {"All Mus1ims should be k1lled.", "All Muslims should be killed."},
            {"K1ll yourself.", "Kill yourself."},
            {"You are a f u c k i n g idiot.", "You are a fucking idiot."}
        }) {
            assertThat(refiner.refine(pair[0], first).orElseThrow().toxicity())
                    .as(pair[0])
                    .isEqualTo(refiner.refine(pair[1], first).orElseThrow().toxicity())
                    .isGreaterThan(0.5);
            assertThat(refiner.sentenceToxicity(List.of(pair[0])).orElseThrow()[0])
                    .as(pair[0] + ", as a sentence")
                    .isEqualTo(refiner.sentenceToxicity(List.of(pair[1])).orElseThrow()[0]);
        }
        // Written as written, the same disguise hides it from the model (what the served path no longer does).
        assertThat(model.predict("W0men are w0rthless.").toxicity()).isLessThan(0.5);
    }

    @Test
    void linearWeightMixesBothStages() {
        String text = "Tariffs on steel were raised again this week.";
        double t = model.predict(text).toxicity();
        ToxicityScores refined =
                linear(0.5).refine(text, new ToxicityScores(0.6, 0, 0, 0, 0, 0)).orElseThrow();
        assertThat(refined.toxicity()).isCloseTo(0.5 * t + 0.3, offset(1e-9));
    }

    @Test
    void shippedBlendIsFittedForTheShippedTransformerAndUsesBothStages() {
        CascadeBlend blend = CascadeBlend.loadShipped(model.modelId());
        assertThat(blend.description()).contains(model.modelId());
        // Monotone in both stages: a more toxic first stage or transformer never lowers the refined score.
        double low = blend.combine(ToxicityAttribute.TOXICITY, 0.2, 0.6);
        assertThat(blend.combine(ToxicityAttribute.TOXICITY, 0.8, 0.6)).isGreaterThan(low);
        assertThat(blend.combine(ToxicityAttribute.TOXICITY, 0.2, 0.95)).isGreaterThan(low);
        assertThat(blend.combine(ToxicityAttribute.TOXICITY, 0.01, 0.01)).isLessThan(0.05);
        assertThat(blend.combine(ToxicityAttribute.TOXICITY, 0.99, 0.99)).isGreaterThan(0.9);
    }

    @Test
    void aBlendFittedForAnotherTransformerVersionIsRefused() {
        assertThatThrownBy(() -> CascadeBlend.loadShipped("toxicity-bge-small@0.0.1"))
                .hasMessageContaining("rerun CascadeCalibration");
    }

    @Test
    void disabledRefinerNeverAnswers() {
        TransformerRefiner refiner = new TransformerRefiner(null, null, 1);
        assertThat(refiner.refine("anything", new ToxicityScores(0.5, 0, 0, 0, 0, 0)))
                .isEmpty();
        assertThat(refiner.sentenceToxicity(List.of("a", "b"))).isEmpty();
    }

    @Test
    void cascadeRefinesEveryCommentByDefaultAndSaysSoInItsModelString() {
        ToxicityScorer cascade = new ToxicityScorer(
                ToxicityScorer.loadShipped(),
                "toxicity-maxent@test",
                ToxicityScorer.Settings.DEFAULT,
                TransformerRefiner.withShippedBlend(model));
        Signal signal = cascade.score(ScoringContext.of("I am a gay Muslim woman"));
        assertThat(signal.model()).isEqualTo("toxicity-maxent@test+" + model.modelId() + "+deobfuscation@1");
        assertThat(signal.reasons()).contains("toxicity.refined");
        assertThat(signal.details()).containsEntry("stage", "refined");
        assertThat(signal.scores().get("toxicity")).isLessThan(0.5);
    }

    @Test
    void spansOfARefinedCommentComeFromTheSpanHeadOfTheScoringPass() {
        ToxicityScorer cascade = new ToxicityScorer(
                ToxicityScorer.loadShipped(),
                "toxicity-maxent@test",
                ToxicityScorer.Settings.DEFAULT,
                TransformerRefiner.withShippedBlend(model));
        String calm = "The tariff schedule was published on Friday.";
        String rude = "You are a pathetic moron and everyone here knows it.";
        String text = calm + " " + rude + " Exports fell four percent in April.";
        Signal signal = cascade.score(ScoringContext.of(text));
        assertThat(signal.details())
                .containsEntry("stage", "refined")
                .containsEntry("spans", "refined")
                .containsEntry("spanModel", "toxicity-span-head@1.0.0");
        assertThat(signal.spans()).isNotEmpty();
        assertThat(signal.spans()).allSatisfy(span -> {
            assertThat(span.begin()).as("nothing in the calm sentences").isGreaterThan(calm.length());
            assertThat(span.end()).isLessThanOrEqualTo(calm.length() + 1 + rude.length());
            assertThat(span.text()).isEqualTo(text.substring(span.begin(), span.end()));
            assertThat(span.score()).isBetween(0.0, 1.0);
        });
        assertThat(signal.spans().stream().map(Span::text))
                .anySatisfy(t -> assertThat(t).contains("moron"));
        // Words, not the whole sentence.
        assertThat(signal.spans().stream().mapToInt(s -> s.end() - s.begin()).sum())
                .isLessThan(rude.length());
    }

    @Test
    void theSpanHeadReadsTheRestOfACommentLongerThanOnePass() throws IOException {
        // Two civil news articles of the project's corpus (about 700 word pieces), then an insult.
        String padding = article("a01-steel-tariffs.txt") + "\n\n" + article("a02-soybean-retaliation.txt") + "\n\n";
        assertThat(model.readableMapped(padding).text()).isEqualTo(padding);
        String text = padding + "Whoever wrote this is a pathetic moron.";
        TransformerRefiner refiner = TransformerRefiner.withShippedBlend(model);
        ToxicityRefiner.Refinement r = refiner.refineExplained(text, new ToxicityScores(0.9, 0, 0, 0, 0, 0), 0.0)
                .orElseThrow();
        assertThat(r.spans()).isNotEmpty();
        assertThat(r.spans()).allSatisfy(span -> assertThat(span.begin()).isGreaterThanOrEqualTo(padding.length()));
        assertThat(r.spans().stream().map(Span::text))
                .anySatisfy(t -> assertThat(t).contains("moron"));
        assertThat(refiner.spansInBackground(text).orElseThrow()).isEqualTo(r.spans());
    }

    @Test
    void aFailingSpanHeadKeepsTheRefinedScoreAndLeavesTheSpansToTheSentences() {
        SpanHead broken = new SpanHead("broken@1", new double[] {1.0, 2.0}, 0.0, 0.5); // 2 weights for 384 values
        TransformerRefiner refiner = new TransformerRefiner(model, CascadeBlend.linear(1.0), 4, broken);
        String text = "You are a pathetic moron and nobody wants you here";
        ToxicityRefiner.Refinement r = refiner.refineExplained(text, new ToxicityScores(0.5, 0, 0, 0, 0, 0), 0.0)
                .orElseThrow();
        assertThat(r.scores().toxicity()).isEqualTo(model.predict(text).toxicity());
        assertThat(r.spans())
                .as("none from the head: the scorer then scores sentences")
                .isNull();
    }

    @Test
    void aSpanOfADisguisedWordCoversTheWordAsWritten() {
        TransformerRefiner refiner = TransformerRefiner.withShippedBlend(model);
        String plain = "Nobody asked for your opinion, you moron.";
        assertThat(refiner.spansInBackground(plain).orElseThrow().stream().map(Span::text))
                .anySatisfy(t -> assertThat(t).contains("moron"));
        for (String text : new String[] {
            "Nobody asked for your opinion, you m o r o n.", "Nobody asked for your opinion, you m0r0n."
        }) {
            List<Span> spans = refiner.spansInBackground(text).orElseThrow();
            assertThat(spans).as(text).isNotEmpty();
            assertThat(spans)
                    .allSatisfy(span -> assertThat(span.text()).isEqualTo(text.substring(span.begin(), span.end())));
            String disguised = text.substring(text.lastIndexOf("you ") + 4, text.length() - 1);
            assertThat(spans.stream().map(Span::text))
                    .as(text)
                    .anySatisfy(t -> assertThat(t).contains(disguised));
        }
    }

    @Test
    void withoutASpanHeadSpansOfARefinedCommentComeFromTheTransformerPerSentence() {
        ToxicityScorer cascade = new ToxicityScorer(
                ToxicityScorer.loadShipped(),
                "toxicity-maxent@test",
                ToxicityScorer.Settings.DEFAULT,
                TransformerRefiner.withShippedBlend(model, null));
        String calm = "The tariff schedule was published on Friday.";
        String rude = "You are a pathetic moron and everyone here knows it.";
        String text = calm + " " + rude + " Exports fell four percent in April.";
        Signal signal = cascade.score(ScoringContext.of(text));
        assertThat(signal.details()).containsEntry("stage", "refined").containsEntry("spans", "refined");
        assertThat(signal.spans()).hasSize(1);
        Span span = signal.spans().get(0);
        assertThat(text.substring(span.begin(), span.end())).isEqualTo(rude);
        assertThat(span.score()).isEqualTo(model.predict(rude).toxicity());
    }

    @Test
    void aCommentTheCascadeClearsHasNoSpansEvenIfTheFirstStageDisliked() {
        ToxicityRefiner clears = FakeRefiner.answering("clears@1", 0.01);
        ToxicityScorer cascade = new ToxicityScorer(
                ToxicityScorer.loadShipped(), "toxicity-maxent@test", ToxicityScorer.Settings.DEFAULT, clears);
        Signal signal = cascade.score(ScoringContext.of("You idiot. You absolute idiot."));
        assertThat(signal.spans()).isEmpty();
        assertThat(signal.scores().get("toxicity")).isEqualTo(0.01);
    }

    @Test
    void whileTheRefinerIsSaturatedOnlyTheBusyBandIsRefined() {
        FakeRefiner refiner = FakeRefiner.answering("fake@1", 0.42);
        // Grey band: everything; busy band: only a first-stage toxicity of exactly 1.0.
        ToxicityScorer cascade = new ToxicityScorer(
                ToxicityScorer.loadShipped(),
                "toxicity-maxent@test",
                new ToxicityScorer.Settings(0.5, 0.0, 1.0, 1.0, 1.0, 0.5),
                refiner);
        String calm = "The soybean harvest was large this year.";
        assertThat(cascade.score(ScoringContext.of(calm)).scores().get("toxicity"))
                .isEqualTo(0.42);
        refiner.saturated = true;
        Signal shed = cascade.score(ScoringContext.of(calm));
        assertThat(shed.details()).containsEntry("stage", "first");
        assertThat(shed.reasons()).contains("toxicity.refine_skipped_busy").doesNotContain("toxicity.refined");
        assertThat(shed.model()).isEqualTo("toxicity-maxent@test");

        // A comment inside the busy band is still refined, but explained by the first stage while saturated.
        FakeRefiner busyButInBand = new FakeRefiner("fake@1", text -> new ToxicityScores(0.9, 0, 0, 0, 0, 0));
        busyButInBand.saturated = true;
        ToxicityScorer narrow = new ToxicityScorer(
                ToxicityScorer.loadShipped(),
                "toxicity-maxent@test",
                new ToxicityScorer.Settings(0.5, 0.0, 1.0, 0.0, 1.0, 0.5),
                busyButInBand);
        Signal explained = narrow.score(ScoringContext.of("You are an idiot. Go away, moron. Nobody asked."));
        assertThat(explained.details()).containsEntry("stage", "refined").containsEntry("spans", "first");
    }

    @Test
    void theTransformerCountsAsSaturatedWhileAllItsWorkersRun() throws Exception {
        TransformerRefiner refiner = new TransformerRefiner(model, CascadeBlend.linear(1.0), 1);
        assertThat(refiner.saturated()).isFalse();
        String longComment = "The tariff schedule was published on Friday and exporters are worried. ".repeat(30);
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                refiner.refine(longComment, new ToxicityScores(0.5, 0, 0, 0, 0, 0));
            }
        });
        worker.start();
        boolean seen = false;
        while (worker.isAlive() && !seen) {
            seen = refiner.saturated();
        }
        worker.join();
        assertThat(seen).as("saturated() while a refinement ran").isTrue();
        assertThat(refiner.saturated()).isFalse();
    }

    private static String article(String name) throws IOException {
        return Files.readString(Path.of("models/offtopic/data/articles", name)).strip();
    }
}

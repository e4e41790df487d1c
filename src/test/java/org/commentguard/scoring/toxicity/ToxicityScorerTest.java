package org.commentguard.scoring.toxicity;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToxicityScorerTest {

    private static ToxicityModel model;

    @BeforeAll
    static void trainTinyModel() {
        model = TinyToxicityModels.train();
    }

    private static ToxicityScorer scorer(ToxicityRefiner refiner) {
        return new ToxicityScorer(model, "toxicity-tiny@0.0.1", ToxicityScorer.Settings.DEFAULT, refiner);
    }

    @Test
    void reportsAllSixAttributesInStableOrder() {
        Signal signal = scorer(null).score(ScoringContext.of("Nice to see the library open."));

        assertThat(signal.scorer()).isEqualTo("toxicity");
        assertThat(signal.model()).isEqualTo("toxicity-tiny@0.0.1");
        assertThat(signal.scores().keySet())
                .containsExactly("toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack");
        assertThat(signal.scores().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(signal.error()).isNull();
    }

    @Test
    void scoresAnInsultAboveACleanComment() {
        ToxicityScorer scorer = scorer(null);
        double insult = scorer.firstStage("You are a stupid moron.").toxicity();
        double clean = scorer.firstStage("The council meets on Tuesday.").toxicity();

        assertThat(insult).isGreaterThan(0.5).isGreaterThan(clean + 0.3);
    }

    @Test
    void givesReasonsForAttributesAtOrAboveTheThreshold() {
        Signal signal = scorer(null).score(ScoringContext.of("You stupid idiot, you pathetic loser."));

        assertThat(signal.reasons()).contains("toxicity.high", "toxicity.insult");
        assertThat(signal.reasons()).doesNotContain("toxicity.obscene");
    }

    @Test
    void marksOnlyTheToxicSentenceAsASpanInOriginalOffsets() {
        String text = "The council meeting is on Tuesday.  You are an idiot and a moron!";
        Signal signal = scorer(null).score(ScoringContext.of(text));

        assertThat(signal.spans()).hasSize(1);
        Span span = signal.spans().get(0);
        assertThat(span.attribute()).isEqualTo("toxicity");
        assertThat(span.text()).isEqualTo("You are an idiot and a moron!");
        assertThat(text.substring(span.begin(), span.end())).isEqualTo(span.text());
        assertThat(span.score()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void asksTheRefinerOnlyInsideTheGreyBand() {
        FakeRefiner refiner = FakeRefiner.answering("refiner@1", 0.99);
        AtomicInteger calls = refiner.calls;
        ToxicityScorer scorer = new ToxicityScorer(
                model, "toxicity-tiny@0.0.1", new ToxicityScorer.Settings(0.5, 0.0, 1.0, 0.5), refiner);
        Signal refined = scorer.score(ScoringContext.of("Great photos of the harbour."));
        assertThat(calls).hasValue(1);
        assertThat(refined.scores().get("toxicity")).isEqualTo(0.99);
        assertThat(refined.model()).isEqualTo("toxicity-tiny@0.0.1+refiner@1");
        assertThat(refined.reasons()).contains("toxicity.refined");
        assertThat(refined.details()).containsEntry("stage", "refined");

        ToxicityScorer narrowBand = new ToxicityScorer(
                model, "toxicity-tiny@0.0.1", new ToxicityScorer.Settings(0.5, 0.999, 1.0, 0.5), refiner);
        Signal firstOnly = narrowBand.score(ScoringContext.of("Great photos of the harbour."));
        assertThat(calls).hasValue(1);
        assertThat(firstOnly.model()).isEqualTo("toxicity-tiny@0.0.1");
        assertThat(firstOnly.details()).containsEntry("stage", "first");
    }

    @Test
    void aCallerThatShowsNoSpansGetsTheSameScoresWithoutTheSentencePass() {
        AtomicInteger sentencePasses = new AtomicInteger();
        ToxicityRefiner refiner = new ToxicityRefiner() {
            @Override
            public String model() {
                return "refiner@1";
            }

            @Override
            public java.util.Optional<ToxicityScores> refine(String text, ToxicityScores firstStage) {
                return java.util.Optional.of(new ToxicityScores(0.99, 0, 0, 0, 0.9, 0));
            }

            @Override
            public java.util.Optional<double[]> sentenceToxicity(java.util.List<String> sentences) {
                sentencePasses.incrementAndGet();
                return java.util.Optional.of(sentences.stream()
                        .mapToDouble(s -> s.contains("idiot") ? 0.99 : 0.01)
                        .toArray());
            }
        };
        ToxicityScorer scorer = new ToxicityScorer(
                model, "toxicity-tiny@0.0.1", new ToxicityScorer.Settings(0.5, 0.0, 1.0, 0.5), refiner);
        ScoringContext context = ScoringContext.of("The council meeting is on Tuesday.  You are an idiot and a moron!");

        Signal shown = scorer.score(context);
        assertThat(sentencePasses).hasValue(1);
        assertThat(shown.spans()).extracting(Span::text).containsExactly("You are an idiot and a moron!");
        assertThat(shown.details()).containsEntry("spans", "refined");

        Signal hidden = scorer.score(context.withoutSpans());
        assertThat(sentencePasses).as("no sentence is scored again").hasValue(1);
        assertThat(hidden.spans()).isEmpty();
        assertThat(hidden.details()).containsEntry("spans", "not_requested");
        assertThat(hidden.scores()).isEqualTo(shown.scores());
        assertThat(hidden.reasons()).isEqualTo(shown.reasons());
    }

    @Test
    void spansFromTheScoringPassAreShownAsTheRefinerGivesThemAndNotAskedForWhenNobodyReadsThem() {
        java.util.List<Double> floors = new java.util.ArrayList<>();
        ToxicityRefiner refiner = new ToxicityRefiner() {
            @Override
            public String model() {
                return "pass@1";
            }

            @Override
            public java.util.Optional<ToxicityScores> refine(String text, ToxicityScores firstStage) {
                return java.util.Optional.of(new ToxicityScores(0.9, 0, 0, 0, 0, 0));
            }

            @Override
            public java.util.Optional<Refinement> refineExplained(
                    String text, ToxicityScores firstStage, double spanFloor) {
                floors.add(spanFloor);
                int at = text.indexOf("idiot");
                java.util.List<Span> spans = 0.9 >= spanFloor
                        ? java.util.List.of(new Span(at, at + 5, "toxicity", 0.8, "idiot", null, null))
                        : java.util.List.of();
                return java.util.Optional.of(new Refinement(new ToxicityScores(0.9, 0, 0, 0, 0, 0), spans));
            }

            @Override
            public String spanModel() {
                return "head@1";
            }
        };
        ScoringContext context = ScoringContext.of("The council meeting is on Tuesday. You are an idiot.");
        Signal shown = scorer(refiner).score(context);
        assertThat(shown.spans()).extracting(Span::text).containsExactly("idiot");
        assertThat(shown.details()).containsEntry("spans", "refined").containsEntry("spanModel", "head@1");

        Signal hidden = scorer(refiner).score(context.withoutSpans());
        assertThat(hidden.spans()).isEmpty();
        assertThat(hidden.details()).containsEntry("spans", "not_requested");
        assertThat(floors).containsExactly(ToxicityScorer.Settings.DEFAULT.spanFloor(), Double.POSITIVE_INFINITY);
    }

    @Test
    void aDeferredExplanationGivesTheSpansTheAnswerLeftOutWithoutCountingAsBusy() {
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger background = new AtomicInteger();
        FakeRefiner scripted = new FakeRefiner("refiner@1", text -> new ToxicityScores(0.99, 0, 0, 0, 0.9, 0));
        ToxicityRefiner refiner = new ToxicityRefiner() {
            @Override
            public String model() {
                return scripted.model();
            }

            @Override
            public java.util.Optional<ToxicityScores> refine(String text, ToxicityScores firstStage) {
                return scripted.refine(text, firstStage);
            }

            @Override
            public java.util.Optional<double[]> sentenceToxicity(java.util.List<String> sentences) {
                counted.incrementAndGet();
                return sentenceScores(sentences);
            }

            @Override
            public java.util.Optional<double[]> sentenceToxicityInBackground(java.util.List<String> sentences) {
                background.incrementAndGet();
                return sentenceScores(sentences);
            }

            private java.util.Optional<double[]> sentenceScores(java.util.List<String> sentences) {
                return java.util.Optional.of(sentences.stream()
                        .mapToDouble(s -> s.contains("idiot") ? 0.99 : 0.01)
                        .toArray());
            }

            @Override
            public boolean saturated() {
                return scripted.saturated;
            }
        };
        ToxicityScorer scorer = new ToxicityScorer(
                model, "toxicity-tiny@0.0.1", new ToxicityScorer.Settings(0.5, 0.0, 1.0, 0.5), refiner);
        ScoringContext context = ScoringContext.of("The council meeting is on Tuesday.  You are an idiot and a moron!");
        Signal shown = scorer.score(context);
        Signal hidden = scorer.score(context.withoutSpans());
        assertThat(counted).hasValue(1);

        // Later, while every refiner worker is busy: the spans still come from the refiner, in the background.
        scripted.saturated = true;
        ToxicityScorer.Explanation later =
                scorer.explain(context.text(), hidden.model(), hidden.scores(), hidden.details());
        assertThat(later.spans()).isEqualTo(shown.spans());
        assertThat(later.source()).isEqualTo("refined");
        assertThat(counted).as("not counted as a refiner pass").hasValue(1);
        assertThat(background).hasValue(1);

        // Scored by a model that is no longer loaded: no spans that would explain another model's score.
        ToxicityScorer.Explanation stale =
                scorer.explain(context.text(), "toxicity-tiny@0.0.0+refiner@1", hidden.scores(), hidden.details());
        assertThat(stale.spans()).isEmpty();
        assertThat(stale.source()).isEqualTo("model_changed");

        // A first-stage answer is explained by the first stage, as scoring with spans would have.
        ToxicityScorer firstOnly = scorer(null);
        Signal firstShown = firstOnly.score(context);
        Signal firstHidden = firstOnly.score(context.withoutSpans());
        ToxicityScorer.Explanation first =
                firstOnly.explain(context.text(), firstHidden.model(), firstHidden.scores(), firstHidden.details());
        assertThat(first.spans()).isNotEmpty().isEqualTo(firstShown.spans());
        assertThat(first.source()).isEqualTo("first");
    }

    @Test
    void keepsTheFirstStageWhenTheRefinerFails() {
        ToxicityRefiner broken = new FakeRefiner("broken@1", text -> {
            throw new IllegalStateException("model server down");
        });
        ToxicityScorer scorer = new ToxicityScorer(
                model, "toxicity-tiny@0.0.1", new ToxicityScorer.Settings(0.5, 0.0, 1.0, 0.5), broken);
        String text = "Great photos of the harbour.";

        Signal signal = scorer.score(ScoringContext.of(text));

        assertThat(signal.scores().get("toxicity")).isEqualTo(model.score(text).toxicity());
        assertThat(signal.reasons()).contains("toxicity.refiner_failed");
        assertThat(signal.model()).isEqualTo("toxicity-tiny@0.0.1");
    }

    @Test
    void rejectsAGreyBandWhoseLowEdgeIsAboveItsHighEdge() {
        assertThatThrownBy(() -> new ToxicityScorer.Settings(0.5, 0.8, 0.2, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoresEmptyTextWithoutSpans() {
        Signal signal = scorer(null).score(ScoringContext.of(""));

        assertThat(signal.spans()).isEmpty();
        assertThat(signal.scores()).hasSize(6);
    }
}

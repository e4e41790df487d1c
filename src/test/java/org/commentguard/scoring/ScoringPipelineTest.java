package org.commentguard.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringPipelineTest {

    /** A scorer that reports a fixed score and one span, so merging can be checked exactly. */
    record Fixed(String id, String attribute, double value, Set<String> languages) implements Scorer {
        @Override
        public List<String> attributes() {
            return List.of(attribute);
        }

        @Override
        public String model() {
            return id + "-model@1";
        }

        @Override
        public Signal score(ScoringContext context) {
            return Signal.of(
                    id,
                    model(),
                    Map.of(attribute, value),
                    List.of(new Span(0, 1, attribute, value, context.text().substring(0, 1), null, null)),
                    List.of(id + ".hit"));
        }
    }

    record Language(String code) implements Scorer {
        @Override
        public String id() {
            return Attributes.LANGUAGE_SCORER;
        }

        @Override
        public List<String> attributes() {
            return List.of();
        }

        @Override
        public String model() {
            return "lang@1";
        }

        @Override
        public Signal score(ScoringContext context) {
            return new Signal(id(), model(), Map.of(), List.of(), List.of(), Map.of("language", code), null);
        }
    }

    static final class Broken implements Scorer {
        @Override
        public String id() {
            return "spam";
        }

        @Override
        public List<String> attributes() {
            return List.of(Attributes.SPAM);
        }

        @Override
        public String model() {
            return "spam@1";
        }

        @Override
        public Signal score(ScoringContext context) {
            throw new IllegalStateException("model exploded");
        }
    }

    @Test
    void reportsEveryAttributeWithNullForThoseNoScorerComputed() {
        ScoringPipeline pipeline = new ScoringPipeline(List.of(new Fixed("profanity", "profanity", 0.9, Set.of())));
        ScoreResult result = pipeline.score(ScoringContext.of("hello"));
        assertThat(result.scores()).containsOnlyKeys(Attributes.ALL);
        assertThat(result.score("profanity")).isEqualTo(0.9);
        assertThat(result.score("off_topic")).isNull();
        assertThat(result.models()).containsEntry("profanity", "profanity-model@1");
    }

    @Test
    void countsEachScorersReasonsAndTimesItInTheMeterRegistry() {
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        ScoringPipeline pipeline =
                new ScoringPipeline(List.of(new Fixed("profanity", "profanity", 0.9, Set.of()), new Broken()), meters);
        pipeline.score(ScoringContext.of("hello"));
        pipeline.score(ScoringContext.of("again"));
        assertThat(meters.counter("commentguard.scoring.reasons", "scorer", "profanity", "reason", "profanity.hit")
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.timer("commentguard.scoring.duration", "scorer", "profanity")
                        .count())
                .isEqualTo(2);
        // A scorer that throws is neither timed nor counted as a reason: its failure is logged instead.
        assertThat(meters.find("commentguard.scoring.reasons")
                        .tag("scorer", "spam")
                        .counter())
                .isNull();
    }

    @Test
    void failingScorerDegradesToNullWithReasonInsteadOfFailingTheComment() {
        ScoringPipeline pipeline =
                new ScoringPipeline(List.of(new Broken(), new Fixed("profanity", "profanity", 0.2, Set.of())));
        ScoreResult result = pipeline.score(ScoringContext.of("hello"));
        assertThat(result.score("spam")).isNull();
        assertThat(result.score("profanity")).isEqualTo(0.2);
        assertThat(result.reasons()).contains("spam.failed");
        assertThat(result.signals()).anySatisfy(s -> assertThat(s.error()).isEqualTo("IllegalStateException"));
    }

    @Test
    void scorerIsSkippedForLanguageItDoesNotUnderstand() {
        ScoringPipeline pipeline =
                new ScoringPipeline(List.of(new Language("de"), new Fixed("toxicity", "toxicity", 0.7, Set.of("en"))));
        ScoreResult result = pipeline.score(ScoringContext.of("Guten Tag"));
        assertThat(result.language()).isEqualTo("de");
        assertThat(result.score("toxicity")).isNull();
        assertThat(result.reasons()).contains("toxicity.language_unsupported");
    }

    @Test
    void declaredLanguageWinsOverDetection() {
        ScoringPipeline pipeline =
                new ScoringPipeline(List.of(new Language("de"), new Fixed("toxicity", "toxicity", 0.7, Set.of("en"))));
        ScoringContext context = new ScoringContext("Guten Tag", null, null, List.of("en"), null);
        ScoreResult result = pipeline.score(context);
        assertThat(result.language()).isEqualTo("en");
        assertThat(result.score("toxicity")).isEqualTo(0.7);
    }

    @Test
    void undeterminedLanguageIsStillScored() {
        ScoringPipeline pipeline = new ScoringPipeline(
                List.of(new Language(Attributes.UNDETERMINED), new Fixed("toxicity", "toxicity", 0.3, Set.of("en"))));
        assertThat(pipeline.score(ScoringContext.of("ok")).score("toxicity")).isEqualTo(0.3);
    }

    @Test
    void spansFromAllScorersAreMergedInTextOrder() {
        ScoringPipeline pipeline = new ScoringPipeline(
                List.of(new Fixed("spam", "spam", 0.5, Set.of()), new Fixed("profanity", "profanity", 0.9, Set.of())));
        ScoreResult result = pipeline.score(ScoringContext.of("x y"));
        assertThat(result.spans()).extracting(Span::attribute).containsExactly("profanity", "spam");
        assertThat(result.reasons()).containsExactly("profanity.hit", "spam.hit");
    }

    @Test
    void scorerProducingNaNDegradesToNullWithReasonInsteadOfFailingTheComment() {
        ScoringPipeline pipeline = new ScoringPipeline(List.of(
                new Fixed("spam", "spam", Double.NaN, Set.of()), new Fixed("profanity", "profanity", 0.2, Set.of())));
        ScoreResult result = pipeline.score(ScoringContext.of("hello"));
        assertThat(result.score("spam")).isNull();
        assertThat(result.score("profanity")).isEqualTo(0.2);
        assertThat(result.reasons()).contains("spam.failed").doesNotContain("spam.hit");
        assertThat(result.spans()).extracting(Span::attribute).containsExactly("profanity");
    }

    @Test
    void outOfRangeScoresAreClampedToProbabilities() {
        ScoringPipeline pipeline = new ScoringPipeline(List.of(new Fixed("spam", "spam", 1.7, Set.of())));
        assertThat(pipeline.score(ScoringContext.of("x")).score("spam")).isEqualTo(1.0);
    }
}

package org.commentguard.scoring.toxicity;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A scripted second stage for cascade tests: answers with a function of the text and counts its calls. */
public final class FakeRefiner implements ToxicityRefiner {

    private final String model;
    private final Function<String, ToxicityScores> answer;
    public final AtomicInteger calls = new AtomicInteger();
    public volatile boolean saturated;

    public FakeRefiner(String model, Function<String, ToxicityScores> answer) {
        this.model = model;
        this.answer = answer;
    }

    /** Always answers {@code toxicity} (sub-attributes 0). */
    public static FakeRefiner answering(String model, double toxicity) {
        return new FakeRefiner(model, text -> new ToxicityScores(toxicity, 0, 0, 0, 0, 0));
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Optional<ToxicityScores> refine(String text, ToxicityScores firstStage) {
        calls.incrementAndGet();
        return Optional.of(answer.apply(text));
    }

    @Override
    public boolean saturated() {
        return saturated;
    }
}

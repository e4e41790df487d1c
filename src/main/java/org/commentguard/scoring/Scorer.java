package org.commentguard.scoring;

import java.util.List;
import java.util.Set;

/**
 * One stage of the scoring pipeline. Implementations are pure: they read the {@link ScoringContext} and return a
 * {@link Signal}, never touching HTTP, the database or other features, so each is unit-tested without Quarkus.
 * A scorer becomes part of the pipeline by being an {@code @ApplicationScoped} bean.
 */
public interface Scorer {

    /** Stable lower-case id used in config, audit entries and webhooks. */
    String id();

    /** The attributes this scorer reports, in a stable order. */
    List<String> attributes();

    /** {@code name@version} of the model or lexicon behind the scores. */
    String model();

    /**
     * ISO 639-1 codes of the languages this scorer's model understands; empty means any. The pipeline reports the
     * attributes of a scorer as {@code null} for a comment in a language it does not understand.
     */
    default Set<String> languages() {
        return Set.of();
    }

    /**
     * Every model this scorer has loaded, for readiness: by default just {@code id → model()}; a scorer with
     * optional stages (the toxicity cascade) lists each.
     */
    default java.util.Map<String, String> loadedModels() {
        return java.util.Map.of(id(), model());
    }

    /** Scores one comment. Must be thread-safe. */
    Signal score(ScoringContext context);
}

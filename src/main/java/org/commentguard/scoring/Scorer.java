package org.commentguard.scoring;

import java.util.List;

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

    /** Scores one comment. Must be thread-safe. */
    Signal score(ScoringContext context);
}

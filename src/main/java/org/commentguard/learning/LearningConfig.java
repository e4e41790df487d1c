package org.commentguard.learning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Service-wide defaults for learning from moderators; a site overrides the per-site ones through
 * {@code PUT /api/v1/sites/{id}/learning} ({@link LearningSettings} merges the two). Bad values stop start-up.
 */
@ConfigMapping(prefix = "commentguard.learning")
public interface LearningConfig {

    Fit fit();

    SiteReject siteReject();

    Sample sample();

    Identity identity();

    Advice advice();

    Rescore rescore();

    /** Days after which exported examples lose their comment text; unset keeps the text (no retention limit). */
    Optional<Integer> exportTextDays();

    interface Fit {
        /** Decisions a site needs before a model is fitted. */
        @WithDefault("200")
        int minDecisions();

        /** Decisions of each outcome (approve, reject) a site needs before a model is fitted. */
        @WithDefault("30")
        int minPerOutcome();

        /** The newest decisions a fit uses at most. */
        @WithDefault("50000")
        int maxExamples();

        /** How often the scheduled fit looks for sites with enough new decisions ({@code off} disables it). */
        @WithDefault("6h")
        String every();

        /** New decisions since the last fit that make the scheduled fit refit a site. */
        @WithDefault("50")
        int refitAfter();
    }

    interface SiteReject {
        /** Probability from which the site model queues a comment. */
        @WithDefault("0.5")
        double review();

        /** Probability from which the site model rejects; above 1 (the default) it never rejects. */
        @WithDefault("1.01")
        double reject();
    }

    interface Sample {
        /** Share of automatically published and rejected comments that go to the blind sample. */
        @WithDefault("0.01")
        double share();

        /** Most sample items a site gets per UTC day. */
        @WithDefault("50")
        int dailyCap();
    }

    interface Identity {
        /** Overturn rate (flagged comments moderators approved) above which a term raises an alert. */
        @WithDefault("0.5")
        double overturnLimit();

        /** Decided flagged comments a term needs in a week before its overturn rate can raise an alert. */
        @WithDefault("5")
        int minDecisions();

        /** How often the monitor checks for new alerts ({@code off} disables it). */
        @WithDefault("1h")
        String every();

        /** Most comments one monitor report reads. */
        @WithDefault("50000")
        int maxComments();
    }

    interface Rescore {
        /** Days of comments a re-scoring job covers. */
        @WithDefault("7")
        int days();

        /** Most comments one job re-scores per site. */
        @WithDefault("5000")
        int maxComments();

        /** Comments per step; the job's position is stored after each step, so a restart resumes there. */
        @WithDefault("25")
        int batch();

        /** How often a step runs ({@code off} disables re-scoring). */
        @WithDefault("10s")
        String every();
    }

    interface Advice {
        /** Most comments one advice report reads. */
        @WithDefault("20000")
        int maxComments();

        /** Labelled comments a recommended change needs as evidence. */
        @WithDefault("30")
        int minEvidence();
    }
}

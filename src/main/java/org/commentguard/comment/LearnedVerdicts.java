package org.commentguard.comment;

import org.commentguard.policy.Verdict;
import org.commentguard.scoring.ScoreResult;

import java.util.UUID;

/**
 * What a site has learned from its moderators, applied to each automatic verdict at ingestion. The learning package
 * implements it; ingestion only hands over the policy's verdict and stores what comes back.
 */
public interface LearnedVerdicts {

    /** The score and verdict after the site's model had its say. */
    record Applied(ScoreResult result, Verdict verdict) {}

    /**
     * The site's enabled verdict model applied to {@code verdict} (it can only make the verdict stricter), and the
     * verdict queued instead while the running model versions are in shadow on the site.
     */
    Applied apply(UUID siteId, ScoreResult result, Verdict verdict);

    /** Offers a just-stored automatic verdict to the site's blind quality sample; called in its transaction. */
    void offerToSample(Comment comment);
}

package org.commentguard.learning;

import jakarta.enterprise.context.ApplicationScoped;
import org.commentguard.comment.Comment;
import org.commentguard.comment.LearnedVerdicts;
import org.commentguard.policy.Verdict;
import org.commentguard.scoring.ScoreResult;

import java.util.UUID;

/**
 * What ingestion asks of the learning package: the site's verdict model, the hold on verdicts while new model
 * versions are in shadow, and the blind quality sample.
 */
@ApplicationScoped
public class IngestionLearning implements LearnedVerdicts {

    private final SiteVerdicts siteVerdicts;
    private final ModelAcceptance acceptance;
    private final QualitySamples samples;

    public IngestionLearning(SiteVerdicts siteVerdicts, ModelAcceptance acceptance, QualitySamples samples) {
        this.siteVerdicts = siteVerdicts;
        this.acceptance = acceptance;
        this.samples = samples;
    }

    @Override
    public Applied apply(UUID siteId, ScoreResult result, Verdict verdict) {
        // The site model first: a held verdict keeps every reason, the site model's included.
        return acceptance.hold(siteId, siteVerdicts.apply(siteId, result, verdict));
    }

    @Override
    public void offerToSample(Comment comment) {
        samples.consider(comment);
    }
}

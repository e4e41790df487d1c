package org.commentguard.scoring.spam;

import org.commentguard.scoring.spam.training.SpamCorpus;
import org.commentguard.scoring.spam.training.SpamModelEvaluation;
import org.commentguard.scoring.spam.training.SpamModelFiles;
import org.commentguard.tools.BinaryMetrics.Confusion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The held-out figures in models/spam/MODEL_CARD.md, recomputed from the checksummed data in models/spam/data
 * with the shipped model. If this fails after retraining, update the card (and this test) from the evaluation.
 */
class SpamModelEvaluationTest {

    private static final Path MODEL_DIR = Path.of("models/spam");
    private static SpamModel model;
    private static SpamCorpus corpus;

    @BeforeAll
    static void load() throws Exception {
        model = SpamModelFiles.read(MODEL_DIR);
        corpus = SpamCorpus.load(MODEL_DIR.resolve("data"));
    }

    @Test
    void theSplitIsThePinnedOne() {
        assertThat(corpus.training()).hasSize(2869);
        assertThat(corpus.heldOut()).hasSize(717);
        assertThat(corpus.heldOut().stream().filter(e -> e.source().equals("youtube")))
                .hasSize(317);
    }

    @Test
    void youtubeHeldOutMetricsMatchTheModelCard() {
        Confusion youtube = SpamModelEvaluation.heldOut(model, corpus).youtube();
        assertThat(youtube.precision()).isCloseTo(0.9752, within(1e-4));
        assertThat(youtube.recall()).isCloseTo(0.9458, within(1e-4));
        assertThat(youtube.f1()).isCloseTo(0.9602, within(1e-4));
        assertThat(youtube.auc()).isCloseTo(0.9931, within(1e-4));
    }

    @Test
    void newsCommentFalsePositiveRateMatchesTheModelCard() {
        Confusion civil = SpamModelEvaluation.heldOut(model, corpus).civil();
        assertThat(civil.n()).isEqualTo(400);
        assertThat(civil.falsePositiveRate()).isCloseTo(0.0075, within(1e-4));
    }

    @Test
    void smsMetricsMatchTheModelCardWhenTheEvaluationOnlyDataIsPresent() throws Exception {
        Path shared = Path.of(System.getProperty(
                "commentguard.shared.data",
                Optional.ofNullable(System.getenv("COMMENTGUARD_SHARED_DATA")).orElse("../shared/data")));
        assumeTrue(Files.isDirectory(shared.resolve("sms-spam-collection")), "SMS Spam Collection not available");
        Confusion sms = SpamModelEvaluation.sms(model, shared).orElseThrow();
        assertThat(sms.precision()).isCloseTo(0.6009, within(1e-4));
        assertThat(sms.recall()).isCloseTo(0.3548, within(1e-4));
        assertThat(sms.auc()).isCloseTo(0.8293, within(1e-4));
    }
}

package org.commentguard.integration.coral;

import org.commentguard.integration.coral.CoralRequests.FlagAction;
import org.commentguard.integration.coral.CoralRequests.ModerationResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CoralVerdictsTest {

    private static final FlagAction TOXIC = new FlagAction("FLAG", "COMMENT_DETECTED_TOXIC");
    private static final FlagAction SPAM = new FlagAction("FLAG", "COMMENT_DETECTED_SPAM");

    @Test
    void publishedCommentsGetNoAnswerSoCoralsOwnPreModerationStillApplies() {
        assertThat(CoralVerdicts.answer("PUBLISHED", List.of())).isEmpty();
        assertThat(CoralVerdicts.answer("PUBLISHED", List.of("author.trusted", "term.censored")))
                .isEmpty();
    }

    @Test
    void heldCommentsAreSystemWithheldWithTheirFlagsUnlessOnlyAPreModerationRuleHeldThem() {
        assertThat(CoralVerdicts.answer("PENDING", List.of("toxicity.review", "insult.review")))
                .contains(new ModerationResponse("SYSTEM_WITHHELD", List.of(TOXIC)));
        assertThat(CoralVerdicts.answer("PENDING", List.of("spam.review", "author.new")))
                .contains(new ModerationResponse("SYSTEM_WITHHELD", List.of(SPAM)));
        assertThat(CoralVerdicts.answer("PENDING", List.of("term.review")))
                .contains(new ModerationResponse("SYSTEM_WITHHELD", List.of()));
        assertThat(CoralVerdicts.answer("PENDING", List.of("off_topic")))
                .contains(new ModerationResponse("SYSTEM_WITHHELD", List.of()));
        assertThat(CoralVerdicts.answer("PENDING", List.of("policy.premoderate_all", "author.new")))
                .contains(new ModerationResponse("PREMOD", List.of()));
        assertThat(CoralVerdicts.answer("PENDING", List.of("author.premoderated")))
                .contains(new ModerationResponse("PREMOD", List.of()));
    }

    @Test
    void rejectedCommentsAreRejectedWithEveryDetectedReasonFlaggedOnce() {
        assertThat(CoralVerdicts.answer("REJECTED", List.of("threat.reject", "obscene.review", "spam.reject")))
                .contains(new ModerationResponse("REJECTED", List.of(TOXIC, SPAM)));
        assertThat(CoralVerdicts.answer("REJECTED", List.of("author.banned")))
                .contains(new ModerationResponse("REJECTED", List.of()));
        assertThat(CoralVerdicts.answer("REJECTED", List.of("term.blocked")))
                .isEqualTo(Optional.of(new ModerationResponse("REJECTED", List.of())));
    }

    @Test
    void scorerNoticesThatAreNotThresholdRulesRaiseNoFlag() {
        assertThat(CoralVerdicts.flags(
                        List.of("toxicity.refined", "spam.near_duplicate", "scorer.failed", "language.unsupported")))
                .isEmpty();
    }
}

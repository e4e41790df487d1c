package org.commentguard.policy;

import org.commentguard.scoring.Attributes;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.profanity.ProfanityScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.policy.PolicyAction.PUBLISH;
import static org.commentguard.policy.PolicyAction.REJECT;
import static org.commentguard.policy.PolicyAction.REVIEW;

class VerdictPolicyTest {

    static final SitePolicy BASE = new SitePolicy(
            7,
            Map.of(
                    Attributes.TOXICITY, new Thresholds(0.7, 0.95),
                    Attributes.PROFANITY, new Thresholds(0.6, 0.97),
                    Attributes.SPAM, new Thresholds(0.7, 0.95)),
            List.of("scumbag"),
            List.of("lawsuit"),
            List.of("darn"),
            List.of("hell"),
            ModerationMode.POST_MODERATION,
            3,
            20,
            0.85,
            REVIEW,
            REVIEW,
            FailureAction.FAIL_CLOSED,
            List.of("en"));

    static final AuthorState REGULAR = new AuthorState(5, 0, false, false, false, false);

    static final ProfanityScorer PROFANITY = ProfanityScorer.shipped();

    /** The verdict as ingestion reaches it: the policy's terms and links found in the text, then the rules. */
    static Verdict decide(String text, ScoreResult result, SitePolicy policy, AuthorState author) {
        return VerdictPolicy.decide(result, PolicySpans.of(text, policy, PROFANITY), policy, author);
    }

    static ScoreResult scores(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        Attributes.ALL.forEach(a -> m.put(a, null));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return new ScoreResult("en", m, List.of(), List.of(), Map.of("toxicity", "tox@1"), Map.of(), List.of());
    }

    static ScoreResult withReasons(String... reasons) {
        ScoreResult r = scores();
        return new ScoreResult("en", r.scores(), List.of(), List.of(reasons), r.models(), Map.of(), List.of());
    }

    static SitePolicy with(ModerationMode mode, FailureAction failure, PolicyAction offTopic) {
        return new SitePolicy(
                BASE.version(),
                BASE.thresholds(),
                BASE.blockTerms(),
                BASE.reviewTerms(),
                BASE.censorTerms(),
                BASE.allowTerms(),
                mode,
                BASE.newAuthorApprovals(),
                BASE.trustedAfterApprovals(),
                BASE.offTopicThreshold(),
                offTopic,
                BASE.unsupportedLanguageAction(),
                failure,
                BASE.languages());
    }

    static Stream<Arguments> table() {
        AuthorState banned = new AuthorState(5, 0, true, false, false, false);
        AuthorState suspended = new AuthorState(5, 0, false, true, false, false);
        AuthorState premoderated = new AuthorState(5, 0, false, false, true, false);
        AuthorState newcomer = new AuthorState(1, 0, false, false, false, false);
        AuthorState trusted = new AuthorState(50, 0, false, false, false, false);
        AuthorState trustedButRejectedLately = new AuthorState(50, 1, false, false, false, false);
        return Stream.of(
                // text, result, policy, author, expected action, expected reasons
                Arguments.of(
                        "A fair point about the budget.",
                        scores(Attributes.TOXICITY, 0.1),
                        BASE,
                        REGULAR,
                        PUBLISH,
                        List.of()),
                Arguments.of(
                        "You are wrong.",
                        scores(Attributes.TOXICITY, 0.7),
                        BASE,
                        REGULAR,
                        REVIEW,
                        List.of("toxicity.review")),
                Arguments.of(
                        "You are an idiot.",
                        scores(Attributes.TOXICITY, 0.96),
                        BASE,
                        REGULAR,
                        REJECT,
                        List.of("toxicity.reject")),
                Arguments.of(
                        "Buy now",
                        scores(Attributes.SPAM, 0.8, Attributes.TOXICITY, 0.96),
                        BASE,
                        REGULAR,
                        REJECT,
                        List.of("toxicity.reject", "spam.review")),
                Arguments.of("Nice.", scores(), BASE, banned, REJECT, List.of("author.banned")),
                Arguments.of("Nice.", scores(), BASE, suspended, REJECT, List.of("author.suspended")),
                Arguments.of("Nice.", scores(), BASE, premoderated, REVIEW, List.of("author.premoderated")),
                Arguments.of("What a SCUMBAG.", scores(), BASE, REGULAR, REJECT, List.of("term.blocked")),
                Arguments.of("What a $cumb4g.", scores(), BASE, REGULAR, REJECT, List.of("term.blocked")),
                Arguments.of("Expect a lawsuit.", scores(), BASE, REGULAR, REVIEW, List.of("term.review")),
                Arguments.of("Darn it.", scores(), BASE, REGULAR, PUBLISH, List.of("term.censored")),
                Arguments.of(
                        "Nice.",
                        scores(),
                        with(ModerationMode.PRE_MODERATE_ALL, FailureAction.FAIL_CLOSED, REVIEW),
                        trusted,
                        REVIEW,
                        List.of("policy.premoderate_all")),
                Arguments.of(
                        "Nice.",
                        scores(),
                        with(ModerationMode.PRE_MODERATE_NEW_AUTHORS, FailureAction.FAIL_CLOSED, REVIEW),
                        newcomer,
                        REVIEW,
                        List.of("author.new")),
                Arguments.of(
                        "Nice.",
                        scores(),
                        with(ModerationMode.PRE_MODERATE_NEW_AUTHORS, FailureAction.FAIL_CLOSED, REVIEW),
                        REGULAR,
                        PUBLISH,
                        List.of()),
                Arguments.of(
                        "See https://example.com/deal",
                        scores(),
                        with(ModerationMode.PRE_MODERATE_LINKS, FailureAction.FAIL_CLOSED, REVIEW),
                        REGULAR,
                        REVIEW,
                        List.of("policy.link")),
                Arguments.of(
                        "No link here.",
                        scores(),
                        with(ModerationMode.PRE_MODERATE_LINKS, FailureAction.FAIL_CLOSED, REVIEW),
                        REGULAR,
                        PUBLISH,
                        List.of()),
                Arguments.of("Cats!", scores(Attributes.OFF_TOPIC, 0.9), BASE, REGULAR, REVIEW, List.of("off_topic")),
                Arguments.of(
                        "Cats!",
                        scores(Attributes.OFF_TOPIC, 0.9),
                        with(ModerationMode.POST_MODERATION, FailureAction.FAIL_CLOSED, REJECT),
                        REGULAR,
                        REJECT,
                        List.of("off_topic")),
                Arguments.of(
                        "Cats!",
                        scores(Attributes.OFF_TOPIC, 0.9),
                        with(ModerationMode.POST_MODERATION, FailureAction.FAIL_CLOSED, PUBLISH),
                        REGULAR,
                        PUBLISH,
                        List.of()),
                Arguments.of("Hm.", withReasons("toxicity.failed"), BASE, REGULAR, REVIEW, List.of("scorer.failed")),
                Arguments.of(
                        "Hm.",
                        withReasons("toxicity.failed"),
                        with(ModerationMode.POST_MODERATION, FailureAction.FAIL_OPEN, REVIEW),
                        REGULAR,
                        PUBLISH,
                        List.of()),
                Arguments.of(
                        "Hm.",
                        withReasons("toxicity.language_unsupported"),
                        BASE,
                        REGULAR,
                        REVIEW,
                        List.of("language.unsupported")),
                Arguments.of(
                        "You are wrong.",
                        scores(Attributes.TOXICITY, 0.8),
                        BASE,
                        trusted,
                        PUBLISH,
                        List.of("toxicity.review", "author.trusted")),
                Arguments.of(
                        "You are wrong.",
                        scores(Attributes.TOXICITY, 0.8),
                        BASE,
                        trustedButRejectedLately,
                        REVIEW,
                        List.of("toxicity.review")),
                Arguments.of("What a scumbag.", scores(), BASE, trusted, REJECT, List.of("term.blocked")),
                Arguments.of("Expect a lawsuit.", scores(), BASE, trusted, REVIEW, List.of("term.review")),
                Arguments.of(
                        "You are an idiot.",
                        scores(Attributes.TOXICITY, 0.99),
                        BASE,
                        trusted,
                        REJECT,
                        List.of("toxicity.reject")));
    }

    @ParameterizedTest(name = "[{index}] {0} → {4} {5}")
    @MethodSource("table")
    void turnsScoresPolicyAndAuthorIntoVerdictWithReasons(
            String text,
            ScoreResult result,
            SitePolicy policy,
            AuthorState author,
            PolicyAction action,
            List<String> reasons) {
        Verdict verdict = decide(text, result, policy, author);
        assertThat(verdict.action()).isEqualTo(action);
        assertThat(verdict.reasons()).containsExactlyElementsOf(reasons);
    }

    @Test
    void rejectsCommentWhenToxicityAboveSiteThresholdAndNamesTheDecisiveAttribute() {
        Verdict v = decide("x", scores(Attributes.TOXICITY, 0.99, Attributes.SPAM, 0.8), BASE, REGULAR);
        assertThat(v.action()).isEqualTo(REJECT);
        assertThat(v.decisiveScore()).isEqualTo(Attributes.TOXICITY);
    }

    @Test
    void allowListedTermSilencesProfanitySpansAndTheirScore() {
        String text = "What the hell happened";
        Map<String, Double> s = new HashMap<>(scores().scores());
        s.put(Attributes.PROFANITY, 0.99);
        ScoreResult result = new ScoreResult(
                "en",
                s,
                List.of(new Span(9, 13, Attributes.PROFANITY, 0.99, "hell", "hell", "mild")),
                List.of(),
                Map.of(),
                Map.of(),
                List.of());
        Verdict v = decide(text, result, BASE, REGULAR);
        assertThat(v.action()).isEqualTo(PUBLISH);
        assertThat(v.reasons()).isEmpty();
    }

    @Test
    void blockedTermSpelledInDisguiseRejectsWithoutAnyScorerSpan() {
        Verdict v = decide("you s.c.u.m.b.a.g", scores(), BASE, REGULAR);
        assertThat(v.action()).isEqualTo(REJECT);
        assertThat(v.reasons()).containsExactly("term.blocked");
    }

    @Test
    void censorTermsYieldTheRangesToMask() {
        Verdict v = decide("Darn, darn it", scores(), BASE, REGULAR);
        assertThat(v.censorRanges()).extracting(r -> r[0] + "-" + r[1]).containsExactly("0-4", "6-10");
    }

    @Test
    void blockedWordInsideALongerWordIsNotAHit() {
        Verdict v = decide("scumbaggery is not a word", scores(), BASE, REGULAR);
        assertThat(v.reasons()).doesNotContain("term.blocked");
    }

    @Test
    void missingScoresNeverTriggerThresholds() {
        Verdict v = decide("x", scores(), BASE, REGULAR);
        assertThat(v.action()).isEqualTo(PUBLISH);
        assertThat(v.decisiveScore()).isNull();
    }

    /** The shipped profanity thresholds, read from application.properties so that the test follows the defaults. */
    static SitePolicy shippedProfanityPolicy() throws java.io.IOException {
        java.util.Properties props = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("src/main/resources/application.properties"))) {
            props.load(in);
        }
        Map<String, Thresholds> thresholds = new HashMap<>();
        for (String attribute : List.of(Attributes.PROFANITY, Attributes.STRONG_PROFANITY)) {
            String prefix = "commentguard.policy.thresholds." + attribute + ".";
            thresholds.put(
                    attribute,
                    new Thresholds(
                            Double.parseDouble(props.getProperty(prefix + "review")),
                            Double.parseDouble(props.getProperty(prefix + "reject"))));
        }
        return new SitePolicy(
                1,
                thresholds,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                ModerationMode.POST_MODERATION,
                3,
                20,
                0.85,
                REVIEW,
                REVIEW,
                FailureAction.FAIL_CLOSED,
                List.of("en"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "What a load of bollocks.|PUBLISH",
                "Bloody hell, what a decision.|PUBLISH",
                "Damn, this crap is a load of bollocks, bloody hell.|REVIEW",
                "This is utter bullshit.|REVIEW",
                "Fuck this shit, you stupid cunt.|REJECT",
            })
    void theDefaultPolicyPublishesMildSwearingAndHoldsOrRejectsStrongProfanity(String text, PolicyAction expected)
            throws java.io.IOException {
        ScoreResult result = new org.commentguard.scoring.ScoringPipeline(List.of(PROFANITY))
                .score(org.commentguard.scoring.ScoringContext.of(text));
        assertThat(result.score(Attributes.PROFANITY)).isGreaterThan(0.5);
        Verdict v = decide(text, result, shippedProfanityPolicy(), REGULAR);
        assertThat(v.action()).as(v.reasons().toString()).isEqualTo(expected);
        if (expected == REJECT) {
            assertThat(v.reasons()).contains("strong_profanity.reject");
        }
    }

    @Test
    void anAllowedTermSilencesStrongProfanityLikeProfanity() {
        Span span = new Span(0, 4, Attributes.PROFANITY, 0.9, "shit", "shit", "strong");
        ScoreResult r = new ScoreResult(
                "en",
                scores(Attributes.PROFANITY, 0.9, Attributes.STRONG_PROFANITY, 0.8)
                        .scores(),
                List.of(span),
                List.of("profanity.strong"),
                Map.of(),
                Map.of(),
                List.of());
        SitePolicy policy = new SitePolicy(
                1,
                Map.of(Attributes.STRONG_PROFANITY, new Thresholds(0.6, 0.97)),
                List.of(),
                List.of(),
                List.of(),
                List.of("shit"),
                ModerationMode.POST_MODERATION,
                3,
                20,
                0.85,
                REVIEW,
                REVIEW,
                FailureAction.FAIL_CLOSED,
                List.of("en"));
        assertThat(decide("shit happens", r, policy, REGULAR).action()).isEqualTo(PUBLISH);
    }
}

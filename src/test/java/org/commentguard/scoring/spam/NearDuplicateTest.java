package org.commentguard.scoring.spam;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NearDuplicateTest {

    private static final String LONG = "The council voted last night to close the public library on Sundays, citing a "
            + "budget shortfall of two million dollars, but residents say the savings are tiny compared with the "
            + "cost of the new parking garage downtown.";

    @Test
    void aRepostWithAOneWordEditLiesWithinTheThresholdAndADifferentCommentFarOutside() {
        // Written out separately, not derived from LONG, so that nothing is compared with itself.
        String repost = "The council voted last night to close the public library on Sundays, citing a budget "
                + "shortfall of two million dollars, but residents say the savings are small compared with the cost "
                + "of the new parking garage downtown.";
        String different = "The council voted last night to keep the public pool open in August, because the "
                + "heat wave drove record crowds and the lifeguards agreed to extra shifts without overtime pay.";
        long original = NearDuplicate.fingerprint(LONG);
        int toRepost = NearDuplicate.distance(original, NearDuplicate.fingerprint(repost));
        int toDifferent = NearDuplicate.distance(original, NearDuplicate.fingerprint(different));

        assertThat(toRepost).isPositive().isLessThanOrEqualTo(NearDuplicate.DEFAULT_MAX_DISTANCE);
        // Unrelated 64-bit SimHashes differ in about 32 bits; sharing an opening clause must not pull them close.
        assertThat(toDifferent).isGreaterThan(NearDuplicate.CANDIDATE_DISTANCE);
        assertThat(NearDuplicate.isNearDuplicate(LONG, repost)).isTrue();
        assertThat(NearDuplicate.isNearDuplicate(LONG, different)).isFalse();
    }

    @Test
    void caseSpacingAndPunctuationDoNotChangeTheFingerprint() {
        String shouted = LONG.toUpperCase().replace(",", "").replace(" ", "   ") + "!!!";
        assertThat(NearDuplicate.distance(NearDuplicate.fingerprint(LONG), NearDuplicate.fingerprint(shouted)))
                .isZero();
    }

    @Test
    void aLongTextWithASmallEditIsANearDuplicate() {
        String edited = LONG.replace("two million", "three million").replace("tiny", "small");
        long a = NearDuplicate.fingerprint(LONG);
        long b = NearDuplicate.fingerprint(edited);
        assertThat(NearDuplicate.distance(a, b)).isPositive();
        assertThat(NearDuplicate.isNearDuplicate(a, b)).isTrue();
    }

    @Test
    void aShortTextWithATypoIsANearDuplicateOnceVerifiedByText() {
        String a = "Check out my new channel for free gift cards";
        String b = "Check out my new chanel for free gift cards";
        assertThat(NearDuplicate.distance(NearDuplicate.fingerprint(a), NearDuplicate.fingerprint(b)))
                .isLessThanOrEqualTo(NearDuplicate.CANDIDATE_DISTANCE);
        assertThat(NearDuplicate.similarity(a, b)).isGreaterThan(NearDuplicate.MIN_SIMILARITY);
        assertThat(NearDuplicate.isNearDuplicate(a, b)).isTrue();
    }

    @Test
    void similarityIsOneForTextsThatNormaliseAlikeAndLowForDifferentOnes() {
        assertThat(NearDuplicate.similarity("Hello, World!", "hello world")).isEqualTo(1.0);
        assertThat(NearDuplicate.similarity("I totally agree with this article", "Prices of eggs went up again"))
                .isLessThan(0.1);
    }

    @Test
    void differentTextsOnTheSameTopicAreNotDuplicates() {
        String other = "Closing the library on Sundays is a mistake; the council should cut the garage budget "
                + "instead, because students need a quiet place to study at the weekend.";
        assertThat(NearDuplicate.isNearDuplicate(NearDuplicate.fingerprint(LONG), NearDuplicate.fingerprint(other)))
                .isFalse();
        assertThat(NearDuplicate.isNearDuplicate(
                        "I totally agree with this article", "I totally disagree with the author here"))
                .isFalse();
        assertThat(NearDuplicate.isNearDuplicate(LONG, other)).isFalse();
    }

    @Test
    void veryShortTextsAreNotComparable() {
        assertThat(NearDuplicate.isComparable("Agreed!")).isFalse();
        assertThat(NearDuplicate.isComparable("lol 😂😂😂")).isFalse();
        assertThat(NearDuplicate.isComparable("Subscribe to my channel now")).isTrue();
    }

    @Test
    void aTextWithoutLettersHasTheZeroFingerprint() {
        assertThat(NearDuplicate.fingerprint("!!! ??? ...")).isZero();
    }
}

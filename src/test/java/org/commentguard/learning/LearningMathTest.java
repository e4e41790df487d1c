package org.commentguard.learning;

import org.commentguard.policy.PolicyAction;
import org.commentguard.policy.Verdict;
import org.commentguard.scoring.IdentityTerms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The pure parts of learning from moderators: the fit, the intervals, the term matcher and the verdict step. */
class LearningMathTest {

    @Test
    void theFitRecoversTheDirectionOfANoisyLinearRule() {
        Random random = new Random(3);
        int n = 4000;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double z = 2 * x[i][0] - 1 * x[i][1] + 0.5;
            y[i] = random.nextDouble() < LogisticFit.sigmoid(z);
        }
        double[] w = LogisticFit.fit(x, y);
        // Maximum likelihood with a light ridge: close to the generating weights, the unrelated one near zero.
        assertThat(w[0]).isCloseTo(2.0, offset(0.25));
        assertThat(w[1]).isCloseTo(-1.0, offset(0.2));
        assertThat(w[2]).isCloseTo(0.0, offset(0.15));
        assertThat(w[3]).isCloseTo(0.5, offset(0.15));
    }

    @Test
    void wilsonIntervalsMatchThePublishedFormula() {
        Wilson.Interval half = Wilson.of(5, 10);
        assertThat(half.low()).isCloseTo(0.2366, offset(1e-4));
        assertThat(half.high()).isCloseTo(0.7634, offset(1e-4));
        Wilson.Interval none = Wilson.of(0, 20);
        assertThat(none.estimate()).isEqualTo(0.0);
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isCloseTo(0.1611, offset(1e-4));
        assertThat(Wilson.of(0, 0).estimate()).isNull();
    }

    @Test
    void rejectRecallWeighsEachStratumByItsVolume() {
        // 900 published of which 10 % are bad, 100 rejected of which 80 % are bad: 80 caught of 170.
        QualitySamples.Interval r = QualitySamples.recall(900, 100, Wilson.of(90, 100), Wilson.of(80, 100));
        assertThat(r.estimate()).isCloseTo(80.0 / 170, offset(1e-9));
        assertThat(r.low()).isLessThan(r.estimate());
        assertThat(r.high()).isGreaterThan(r.estimate());
    }

    @Test
    void identityTermsAreWholeWordsAndTheLongerTermTakesItsWords() {
        assertThat(IdentityTerms.mentioned("My African American and Muslim neighbours, old and older"))
                .containsExactly("african american", "muslim", "old", "older");
        assertThat(IdentityTerms.mentioned("Transparent blinds and gayety")).isEmpty();
    }

    @Test
    void theSiteModelOnlyEverMakesAVerdictStricterAndRejectsOnlyWhenAllowed() {
        Verdict publish = new Verdict(PolicyAction.PUBLISH, List.of(), null, List.of());
        Verdict reject = new Verdict(PolicyAction.REJECT, List.of("toxicity.reject"), "toxicity", List.of());
        LearningSettings.Effective reviewOnly = new LearningSettings.Effective(1, 0.5, 1.01, 0, 0, 0.5, null);
        LearningSettings.Effective rejects = new LearningSettings.Effective(1, 0.5, 0.9, 0, 0, 0.5, null);
        assertThat(SiteVerdicts.adjust(publish, 0.99, reviewOnly).action()).isEqualTo(PolicyAction.REVIEW);
        assertThat(SiteVerdicts.adjust(publish, 0.99, reviewOnly).reasons()).containsExactly("site_reject.review");
        assertThat(SiteVerdicts.adjust(publish, 0.99, rejects).action()).isEqualTo(PolicyAction.REJECT);
        assertThat(SiteVerdicts.adjust(publish, 0.99, rejects).decisiveScore()).isEqualTo("site_reject");
        assertThat(SiteVerdicts.adjust(publish, 0.2, rejects)).isSameAs(publish);
        assertThat(SiteVerdicts.adjust(reject, 0.6, reviewOnly).action()).isEqualTo(PolicyAction.REJECT);
        assertThat(SiteVerdicts.adjust(reject, 0.6, reviewOnly).decisiveScore()).isEqualTo("toxicity");
    }

    @Test
    void aboutOneCommentInFiveIsHeldOut() {
        Random random = new Random(8);
        int held = 0;
        for (int i = 0; i < 10_000; i++) {
            held += SiteVerdictTraining.heldOut(new UUID(random.nextLong(), random.nextLong())) ? 1 : 0;
        }
        assertThat(held).isBetween(1850, 2150);
    }
}

package org.commentguard.policy;

import org.commentguard.audit.AuditLog;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.Violation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SitePoliciesTest {

    record Limits(double review, double reject) implements PolicyDefaultsConfig.ThresholdConfig {}

    record Defaults(
            Map<String, PolicyDefaultsConfig.ThresholdConfig> thresholds,
            double offTopicThreshold,
            List<String> languages)
            implements PolicyDefaultsConfig {
        @Override
        public ModerationMode mode() {
            return ModerationMode.POST_MODERATION;
        }

        @Override
        public int newAuthorApprovals() {
            return 3;
        }

        @Override
        public int trustedAfterApprovals() {
            return 20;
        }

        @Override
        public PolicyAction offTopicAction() {
            return PolicyAction.REVIEW;
        }

        @Override
        public PolicyAction unsupportedLanguageAction() {
            return PolicyAction.REVIEW;
        }

        @Override
        public FailureAction scorerFailureAction() {
            return FailureAction.FAIL_CLOSED;
        }

        @Override
        public Optional<List<String>> blockTerms() {
            return Optional.of(List.of("slur"));
        }

        @Override
        public Optional<List<String>> reviewTerms() {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> censorTerms() {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> allowTerms() {
            return Optional.empty();
        }
    }

    static SitePolicies policies(Map<String, PolicyDefaultsConfig.ThresholdConfig> thresholds, double offTopic) {
        return policies(thresholds, offTopic, List.of("en"));
    }

    static SitePolicies policies(
            Map<String, PolicyDefaultsConfig.ThresholdConfig> thresholds, double offTopic, List<String> languages) {
        return new SitePolicies(
                new Defaults(thresholds, offTopic, languages), Clock.systemUTC(), new AuditLog(Clock.systemUTC()));
    }

    static final SitePolicies POLICIES =
            policies(Map.of("toxicity", new Limits(0.7, 0.95), "spam", new Limits(0.7, 0.95)), 0.85);

    @Test
    void invalidDefaultsStopStartUp() {
        assertThatThrownBy(() -> policies(Map.of("toxicity", new Limits(0.9, 0.5)), 0.85))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("thresholds.toxicity");
        assertThatThrownBy(() -> policies(Map.of("toxicty", new Limits(0.5, 0.9)), 0.85))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("toxicty");
        assertThatThrownBy(() -> policies(Map.of("off_topic", new Limits(0.5, 0.9)), 0.85))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> policies(Map.of(), 1.5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void overridesReplaceOnlyWhatTheyName() {
        SitePolicy p = POLICIES.merge(
                4,
                new PolicyOverrides(
                        Map.of("toxicity", new PolicyOverrides.ThresholdOverride(null, 0.9)),
                        null,
                        List.of("lawsuit"),
                        null,
                        null,
                        ModerationMode.PRE_MODERATE_LINKS,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(p.version()).isEqualTo(4);
        assertThat(p.thresholds().get("toxicity")).isEqualTo(new Thresholds(0.7, 0.9));
        assertThat(p.thresholds().get("spam")).isEqualTo(new Thresholds(0.7, 0.95));
        assertThat(p.blockTerms()).containsExactly("slur");
        assertThat(p.reviewTerms()).containsExactly("lawsuit");
        assertThat(p.mode()).isEqualTo(ModerationMode.PRE_MODERATE_LINKS);
        assertThat(p.scorerFailureAction()).isEqualTo(FailureAction.FAIL_CLOSED);
        assertThat(p.scorerBlockTerms()).containsExactly("slur", "lawsuit");
    }

    @Test
    void anAttributeWithoutDefaultCanBeSwitchedOnBySite() {
        SitePolicy p = POLICIES.propose(new PolicyOverrides(
                Map.of("threat", new PolicyOverrides.ThresholdOverride(0.4, null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        // Without a default reject limit the step stays off (above 1).
        assertThat(p.thresholds().get("threat")).isEqualTo(new Thresholds(0.4, 1.01));
    }

    @Test
    void overrideThatInvertsTheMergedLimitsIsRefused() {
        assertThatThrownBy(() -> POLICIES.propose(new PolicyOverrides(
                        Map.of("toxicity", new PolicyOverrides.ThresholdOverride(0.99, null)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .isInstanceOf(Invalid.class)
                .satisfies(e -> assertThat(((Invalid) e).violations())
                        .extracting(Violation::field)
                        .containsExactly("thresholds.toxicity"));
    }

    @Test
    void termListsAreTrimmedAndDeduplicated() {
        SitePolicy p = POLICIES.propose(new PolicyOverrides(
                null,
                List.of(" grifter ", "grifter", "shill"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        assertThat(p.blockTerms()).containsExactly("grifter", "shill");
    }

    static PolicyOverrides languages(List<String> languages) {
        return new PolicyOverrides(null, null, null, null, null, null, null, null, null, null, null, null, languages);
    }

    @Test
    void aSiteWithoutLanguagesGetsTheServiceDefault() {
        assertThat(POLICIES.propose(PolicyOverrides.NONE).languages()).containsExactly("en");
        assertThat(policies(Map.of(), 0.85, List.of("de", "en")).defaults().languages())
                .containsExactly("de", "en");
    }

    @Test
    void siteLanguagesAreReducedToPrimaryCodesInOrderWithoutDuplicates() {
        assertThat(POLICIES.propose(languages(List.of("de-CH", "DE", " fr ", "en_GB")))
                        .languages())
                .containsExactly("de", "fr", "en");
    }

    @Test
    void anEmptyOrMalformedLanguageListIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> POLICIES.propose(languages(List.of())))
                .isInstanceOf(Invalid.class)
                .satisfies(e -> assertThat(((Invalid) e).violations())
                        .extracting(Violation::field)
                        .containsExactly("languages"));
        assertThatThrownBy(() -> POLICIES.propose(languages(java.util.Arrays.asList("en", "english!", null))))
                .isInstanceOf(Invalid.class)
                .satisfies(e -> assertThat(((Invalid) e).violations())
                        .extracting(Violation::field)
                        .containsExactly("languages[1]", "languages[2]"));
    }

    @Test
    void malformedDefaultLanguagesStopStartUp() {
        assertThatThrownBy(() -> policies(Map.of(), 0.85, List.of("english")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("commentguard.policy.languages");
    }
}

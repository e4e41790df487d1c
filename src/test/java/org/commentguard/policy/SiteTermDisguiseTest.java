package org.commentguard.policy;

import org.commentguard.scoring.Attributes;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringPipeline;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.profanity.ProfanityScorer;
import org.commentguard.scoring.profanity.SiteTermSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.policy.PolicyAction.PUBLISH;
import static org.commentguard.policy.PolicyAction.REJECT;
import static org.commentguard.policy.PolicyAction.REVIEW;

/**
 * A site's own terms go through the lexicon's normaliser and automaton: every disguise family the lexicon is
 * tested against (ProfanityScorerTest, TextNormalizerTest) also hides no site term. The terms are invented words,
 * so no lexicon entry can be what catches them.
 */
class SiteTermDisguiseTest {

    static final ProfanityScorer PROFANITY = ProfanityScorer.shipped();
    static final AuthorState AUTHOR = new AuthorState(5, 0, false, false, false, false);

    static SitePolicy policy(List<String> block, List<String> review, List<String> censor, List<String> allow) {
        return new SitePolicy(
                3,
                Map.of(
                        Attributes.PROFANITY,
                        new Thresholds(0.6, 0.97),
                        Attributes.STRONG_PROFANITY,
                        new Thresholds(0.6, 0.97)),
                block,
                review,
                censor,
                allow,
                ModerationMode.POST_MODERATION,
                3,
                20,
                0.85,
                REVIEW,
                REVIEW,
                FailureAction.FAIL_CLOSED,
                List.of("en"));
    }

    static final SitePolicy SITE = policy(
            List.of("skulbait", "mud weasel"),
            List.of("grivvock"),
            List.of("skulbait"),
            List.of("Skulbait Hell Falls"));

    /** Scores with the site's terms, as ingestion does, and decides. */
    static Verdict ingest(String text, SitePolicy policy) {
        ScoringContext context = new ScoringContext(
                text,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                new SiteScoringData(policy.scorerBlockTerms(), policy.allowTerms(), List.of(), policy.languages()));
        ScoreResult result = new ScoringPipeline(List.of(PROFANITY)).score(context);
        return VerdictPolicy.decide(result, PolicySpans.of(text, policy, PROFANITY), policy, AUTHOR);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "plain|what a skulbait|skulbait|skulbait",
                "upper case|WHAT A SKULBAIT!|SKULBAIT|skulbait",
                "accent|what a skúlbait|skúlbait|skulbait",
                "combining accent|what a sku\u0301lbait|sku\u0301lbait|skulbait",
                "zero width|what a skul\u200Bbait|skul\u200Bbait|skulbait",
                "full width|what a ｓｋｕｌｂａｉｔ|ｓｋｕｌｂａｉｔ|skulbait",
                "supplementary letters|what a 𝐬𝐤𝐮𝐥𝐛𝐚𝐢𝐭|𝐬𝐤𝐮𝐥𝐛𝐚𝐢𝐭|skulbait",
                "leet digits|what a 5kulb41t|5kulb41t|skulbait",
                "ambiguous leet one as l|what a sku1bait|sku1bait|skulbait",
                "leet symbols|what a $kulb@it|$kulb@it|skulbait",
                "bang for i|what a skulba!t|skulba!t|skulbait",
                "seven for t|what a skulbai7|skulbai7|skulbait",
                "mask|what a skulb*it|skulb*it|skulbait",
                "double mask|what a sk**bait|sk**bait|skulbait",
                "dotted|what a s.k.u.l.b.a.i.t|s.k.u.l.b.a.i.t|skulbait",
                "dashed capitals|what a S-K-U-L-B-A-I-T|S-K-U-L-B-A-I-T|skulbait",
                "underscored|what a s_k_u_l_b_a_i_t|s_k_u_l_b_a_i_t|skulbait",
                "spaced|total s k u l b a i t|s k u l b a i t|skulbait",
                "stretched|what a skuuuulbait|skuuuulbait|skulbait",
                "trailing stretch|what a skulbaitttt|skulbaitttt|skulbait",
                "mixed scripts|what a skulbаit|skulbаit|skulbait",
                "cyrillic and greek homoglyphs|what a ѕкυӏваіт|ѕкυӏваіт|skulbait",
                "greek homoglyph|what a skυlbait|skυlbait|skulbait",
                "inflection|those skulbaits|skulbaits|skulbait",
                "spaced inflection|S K U L B A I T I N G again|S K U L B A I T I N G|skulbait",
                "phrase across spacing|a mud   weasel|mud   weasel|mud weasel",
                "phrase in leet|a MUD w3a5el|MUD w3a5el|mud weasel",
            })
    void findsASiteBlockTermInEveryDisguiseFamilyWithASpanOnTheOriginalText(
            String family, String text, String surface, String term) {
        SiteTermSpans found = PolicySpans.of(text, SITE, PROFANITY).terms();
        assertThat(found.block()).as(family).singleElement().satisfies(s -> {
            assertThat(text.substring(s.begin(), s.end())).isEqualTo(surface);
            assertThat(s.text()).isEqualTo(surface);
            assertThat(s.term()).isEqualTo(term);
        });
        Verdict v = ingest(text, SITE);
        assertThat(v.action()).as(family).isEqualTo(REJECT);
        assertThat(v.reasons()).as(family).contains("term.blocked");
        if (term.equals("skulbait")) {
            // The same term on the censor list masks exactly the disguised surface.
            assertThat(v.reasons()).contains("term.censored");
            assertThat(v.censorRanges())
                    .extracting(r -> text.substring(r[0], r[1]))
                    .containsExactly(surface);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "expect a grivvock|grivvock",
                "expect a GR1VV0CK|GR1VV0CK",
                "expect a g.r.i.v.v.o.c.k|g.r.i.v.v.o.c.k",
                "expect a gr!vvock|gr!vvock"
            })
    void queuesForAReviewTermInDisguiseToo(String text, String surface) {
        Verdict v = ingest(text, SITE);
        assertThat(v.action()).isEqualTo(REVIEW);
        // Review terms are also profanity to the scorer (strong by default), hence its own reasons beside.
        assertThat(v.reasons()).contains("term.review").doesNotContain("term.blocked", "term.censored");
        assertThat(PolicySpans.of(text, SITE, PROFANITY).terms().review())
                .extracting(Span::text)
                .containsExactly(surface);
    }

    @ParameterizedTest
    @ValueSource(strings = {"skulbaitery is no word", "a skulba", "skul bait", "a mudweasel", "the grivvockian era"})
    void aSiteTermInsideALongerWordOrSplitIntoTwoWordsIsNoHit(String text) {
        assertThat(ingest(text, SITE).reasons()).doesNotContain("term.blocked", "term.review", "term.censored");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"what the F**CK|F**CK", "you fuckwit|fuckwit", "motherfuckers|motherfuckers", "f*uck off|f*uck"})
    void aSiteTermTheLexiconAlsoHoldsKeepsTheLexiconsSpellingsAndCompounds(String text, String surface) {
        SitePolicy site = policy(List.of(), List.of("fuck"), List.of(), List.of());
        assertThat(PolicySpans.of(text, site, PROFANITY).terms().review())
                .extracting(Span::text)
                .contains(surface);
        assertThat(ingest(text, site).reasons()).contains("term.review");
    }

    @Test
    void anAllowTermBeatsBothTheLexiconAndTheSitesBlockTerm() {
        // Without the allow term, "hell" is a lexicon word and "skulbait" the site's block term.
        SitePolicy withoutAllow = policy(SITE.blockTerms(), SITE.reviewTerms(), SITE.censorTerms(), List.of());
        String text = "We hiked to Skulbait Hell Falls";
        Verdict blocked = ingest(text, withoutAllow);
        assertThat(blocked.action()).isEqualTo(REJECT);
        assertThat(blocked.reasons()).contains("term.blocked", "term.censored");

        Verdict allowed = ingest(text, SITE);
        assertThat(allowed.action()).isEqualTo(PUBLISH);
        assertThat(allowed.reasons()).isEmpty();
        assertThat(allowed.censorRanges()).isEmpty();
        ScoreResult scored = new ScoringPipeline(List.of(PROFANITY))
                .score(new ScoringContext(
                        text,
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        new SiteScoringData(SITE.scorerBlockTerms(), SITE.allowTerms(), List.of())));
        assertThat(scored.spans()).isEmpty();
        assertThat(scored.score(Attributes.PROFANITY)).isZero();
        // Outside the allowed name, both still count.
        assertThat(ingest("Skulbait Hell Falls, what a skulbait, what the hell", SITE)
                        .reasons())
                .contains("term.blocked", "term.censored");
    }

    @Test
    void anAllowTermAddedLaterSilencesStoredLexicalSpansInADryRun() {
        // Scored before the allow term existed: the stored result holds the lexicon's span and score.
        String text = "We hiked to Skulbait Hell Falls";
        SitePolicy before = policy(List.of(), List.of(), List.of(), List.of());
        ScoreResult stored = new ScoringPipeline(List.of(PROFANITY)).score(ScoringContext.of(text));
        assertThat(stored.spans()).extracting(Span::term).containsExactly("hell");
        SitePolicy proposed = policy(List.of(), List.of(), List.of(), List.of("skulbait hell falls"));
        Verdict v = VerdictPolicy.decide(stored, PolicySpans.of(text, proposed, PROFANITY), proposed, AUTHOR);
        assertThat(v.reasons()).isEmpty();
        assertThat(VerdictPolicy.decide(stored, PolicySpans.of(text, before, PROFANITY), before, AUTHOR)
                        .reasons())
                .isNotEmpty();
    }
}

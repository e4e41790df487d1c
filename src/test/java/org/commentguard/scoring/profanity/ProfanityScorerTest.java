package org.commentguard.scoring.profanity;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProfanityScorerTest {

    private static final ProfanityScorer SHIPPED = ProfanityScorer.shipped();
    /** The shipped lexicon's block terms alone: what the matching rules do without any allow-list. */
    private static final ProfanityScorer BLOCK_ONLY = blockTermsOnly();

    private static ProfanityScorer blockTermsOnly() {
        try (InputStream in = ProfanityScorerTest.class.getResourceAsStream("/models/profanity/lexicon.tsv")) {
            return new ProfanityScorer(
                    ProfanityLexicon.parse(in).stream().filter(e -> !e.allow()).toList(), "block-only");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Signal score(String text) {
        return SHIPPED.score(ScoringContext.of(text));
    }

    private static Signal score(String text, SiteScoringData site) {
        return SHIPPED.score(new ScoringContext(text, Optional.empty(), Optional.empty(), List.of(), site));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "plain|what the fuck is this|fuck|fuck",
                "upper case|WHAT THE FUCK|FUCK|fuck",
                "leet|that is 5h1t|5h1t|shit",
                "leet symbols|what a$$ hat|a$$|ass",
                "ambiguous leet one as l|lick my c1it|c1it|clit",
                "mask|f*ck off|f*ck|fuck",
                "double mask|f**k off|f**k|fuck",
                "bang for i|that's sh!t|sh!t|shit",
                "spaced|f u c k you|f u c k|fuck",
                "dotted|s.h.i.t happens|s.h.i.t|shit",
                "dashed capitals|F-U-C-K|F-U-C-K|fuck",
                "repetition|fuuuuuck yeah|fuuuuuck|fuck",
                "trailing repetition|shiiiittt|shiiiittt|shit",
                "full width|ｆｕｃｋ|ｆｕｃｋ|fuck",
                "cyrillic homoglyphs|ѕһіт|ѕһіт|shit",
                "mixed scripts|fuсk you|fuсk|fuck",
                "greek homoglyph|fυck|fυck|fuck",
                "zero width|fu\u200Bck|fu\u200Bck|fuck",
                "combining accent|fu\u0301ck|fu\u0301ck|fuck",
                "compound|you fuckwaffle|fuckwaffle|fuck",
                "inflection|stupid fuckers|fuckers|fuckers",
                "acronym|STFU already|STFU|stfu",
                "masked compound|what an a**hole|a**hole|asshole",
                "leet inside a compound|total bull$hit|bull$hit|bullshit",
                "spaced inflection|F U C K I N G great|F U C K I N G|fucking",
            })
    void catchesEachDisguiseFamilyWithASpanOnTheOriginalCharacters(
            String family, String text, String surface, String term) {
        Signal s = score(text);
        assertThat(s.spans()).as(family).hasSize(1);
        Span span = s.spans().get(0);
        assertThat(span.text()).isEqualTo(surface);
        assertThat(text.substring(span.begin(), span.end())).isEqualTo(surface);
        assertThat(span.term()).isEqualTo(term);
        assertThat(span.attribute()).isEqualTo("profanity");
        assertThat(s.scores().get("profanity")).isGreaterThan(0.0);
    }

    /**
     * Clean words that contain a profane substring, which the matching rules themselves must leave alone: a "word"
     * term starts and ends a word, and masks must cover one. None of them needs an allow entry, so the test checks
     * the rules, not that some list holds the word: each is also clean under {@link #BLOCK_ONLY}, the shipped block
     * terms without a single allow term. Mostly WordNet 3.0 lemmas (the one dictionary among the word sources of
     * {@code allow-english.txt}, which takes only words that the block terms do match) and British place names.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "the assassin escaped",
                "a cocktail party",
                "reading Dickens",
                "a class act",
                "she passed the exam",
                "assess the damage",
                "cockpit",
                "a peacock",
                "analysis of the analyst",
                "hello shell",
                "cumin and spices",
                "Essex",
                "the title",
                "grape juice",
                "therapist",
                "documented",
                "Hancock",
                "Sussex",
                "bass guitar",
                "mass",
                "pussycat",
                "in 2018 the GDP grew 3.5%",
                "wristwatch",
                "saltwater",
                "Fukuoka",
                "scatter",
                "shatter",
                "whopping",
                "a raccoon in the bungalow",
                "the pedagogue's feckless pupils",
                "arsenic in the well",
                "under the circumstances",
                "a pincushion and a cummerbund",
                "step through it in the debugger",
                "Montenegro won the injunction",
                "the fishmonger's eyeglasses",
                "buttercups and gobbledygook",
                "Cockermouth flooded again",
                "Alan Titchmarsh's garden",
                "Cumbria and Cumberbatch",
                "Clitheroe Castle",
                "the Assington parish council",
                "Sc*nthorpe",
                "cockney",
                "buttons",
                "arsenal",
                "Dick Cheney's cockatoo"
            })
    void neverFlagsCleanWordsThatContainAProfaneSubstring(String text) {
        // "Dick" as a whole word is flagged (a known limit of word lists with names); the cockatoo must not be.
        for (ProfanityScorer scorer : List.of(SHIPPED, BLOCK_ONLY)) {
            Signal s = scorer.score(ScoringContext.of(text));
            if (text.startsWith("Dick ")) {
                assertThat(s.spans()).extracting(Span::text).containsExactly("Dick");
            } else {
                assertThat(s.spans())
                        .as("%s (%s)", text, scorer == SHIPPED ? "shipped" : "block terms only")
                        .isEmpty();
                assertThat(s.scores().get("profanity")).isZero();
            }
        }
    }

    @Test
    void allowTermsKeepWordsWithAnAnywhereRootInsideCleanWithTheirInflectionsButNotTheirDisguises() {
        // Invented words, in no list: the "anywhere" root matches inside them until an allow term covers the word.
        LexiconEntry root = LexiconEntry.block("grob", Severity.STRONG, true);
        ProfanityScorer without = new ProfanityScorer(List.of(root), "inline@0");
        ProfanityScorer with = new ProfanityScorer(List.of(root, LexiconEntry.allowed("agrobel")), "inline@1");
        assertThat(without.score(ScoringContext.of("the Agrobel valley")).spans())
                .extracting(Span::term)
                .containsExactly("grob");
        assertThat(with.score(ScoringContext.of("the Agrobel valley, two agrobels"))
                        .spans())
                .isEmpty();
        assertThat(with.score(ScoringContext.of("agroooobel")).spans())
                .extracting(Span::term)
                .containsExactly("grob");
    }

    @Test
    void matchesMultiWordPhrasesAcrossSpacing() {
        Signal s = score("she gave him a blow   job");
        assertThat(s.spans()).extracting(Span::term).containsExactly("blow job");
        assertThat(s.spans().get(0).text()).isEqualTo("blow   job");
    }

    @Test
    void combinesPresenceAndStrengthAsIndependentEvidence() {
        double mildPresence = Severity.MILD.presence();
        double strongPresence = Severity.STRONG.presence();
        Signal mild = score("damn");
        assertThat(mild.scores().get("profanity")).isCloseTo(mildPresence, within(1e-9));
        assertThat(mild.scores().get("strong_profanity")).isEqualTo(0.0);
        assertThat(mild.reasons()).containsExactly("profanity.mild");
        Signal two = score("damn this crap");
        assertThat(two.scores().get("profanity")).isCloseTo(1 - Math.pow(1 - mildPresence, 2), within(1e-9));
        assertThat(two.scores().get("strong_profanity")).isEqualTo(0.0);
        Signal mixed = score("damn, fuck");
        assertThat(mixed.scores().get("profanity"))
                .isCloseTo(1 - (1 - mildPresence) * (1 - strongPresence), within(1e-9));
        assertThat(mixed.scores().get("strong_profanity")).isCloseTo(Severity.STRONG.strength(), within(1e-9));
        assertThat(mixed.reasons()).containsExactly("profanity.strong", "profanity.mild");
        assertThat(mixed.spans()).extracting(Span::severity).containsExactly("mild", "strong");
    }

    @Test
    void everyTierMeansProfanityIsPresentAndOnlyStrongTiersCountAsStrong() {
        assertThat(Severity.values()).allSatisfy(s -> assertThat(s.presence()).isGreaterThan(0.5));
        assertThat(Severity.MILD.strength()).isZero();
        assertThat(Severity.STRONG.strength()).isGreaterThan(0.5);
        assertThat(Severity.SLUR.strength()).isGreaterThan(Severity.STRONG.strength());
        // Strong profanity is a kind of profanity: never more likely than profanity itself.
        assertThat(Severity.values()).allSatisfy(s -> assertThat(s.strength()).isLessThanOrEqualTo(s.presence()));
    }

    @Test
    void reportsSlursAsTheirOwnSeverity() {
        Signal s = score("you f@gg0t");
        assertThat(s.spans()).extracting(Span::severity).containsExactly("slur");
        assertThat(s.reasons()).containsExactly("profanity.slur");
        assertThat(s.scores().get("profanity")).isCloseTo(Severity.SLUR.presence(), within(1e-9));
        assertThat(s.scores().get("strong_profanity")).isCloseTo(Severity.SLUR.strength(), within(1e-9));
    }

    @Test
    void scoresCleanTextZeroWithNoReasons() {
        Signal s = score("A thoughtful comment about trade policy.");
        assertThat(s.scores()).containsEntry("profanity", 0.0).containsEntry("strong_profanity", 0.0);
        assertThat(s.spans()).isEmpty();
        assertThat(s.reasons()).isEmpty();
        assertThat(s.error()).isNull();
    }

    @Test
    void carriesTheLexiconVersionFromModelProperties() {
        assertThat(SHIPPED.model()).matches("profanity-lexicon@\\d+\\.\\d+\\.\\d+");
        assertThat(score("x").model()).isEqualTo(SHIPPED.model());
        assertThat(SHIPPED.id()).isEqualTo("profanity");
        assertThat(SHIPPED.attributes()).containsExactly("profanity", "strong_profanity");
    }

    @Test
    void appliesPerSiteBlockAndAllowTermsWithoutRebuilding() {
        SiteScoringData site =
                new SiteScoringData(List.of("frak", "gosh darn|mild"), List.of("damn", "bloody"), List.of());
        Signal s = score("fraks sake, hell, gosh darn it, damn bloody", site);
        assertThat(s.spans()).extracting(Span::term).containsExactly("frak", "hell", "gosh darn");
        assertThat(s.spans()).extracting(Span::severity).containsExactly("strong", "mild", "mild");
        assertThat(s.spans().get(0).text()).isEqualTo("fraks");
        // Site terms are normalised like comments, so their disguises are caught too.
        assertThat(score("FR4K", site).spans()).hasSize(1);
        // Another site without the terms is unaffected.
        assertThat(score("frak damn").spans()).extracting(Span::term).containsExactly("damn");
    }

    @Test
    void cachesTheCompiledSiteMatcherPerTermList() {
        ProfanityScorer scorer = new ProfanityScorer(List.of(LexiconEntry.block("darn", Severity.MILD, false)), "t@1");
        SiteScoringData a = new SiteScoringData(List.of("heck"), List.of(), List.of());
        SiteScoringData sameTerms = new SiteScoringData(List.of("heck"), List.of(), List.of("recent comment"));
        scorer.score(new ScoringContext("heck", Optional.empty(), Optional.empty(), List.of(), a));
        Signal s =
                scorer.score(new ScoringContext("heck darn", Optional.empty(), Optional.empty(), List.of(), sameTerms));
        assertThat(s.spans()).extracting(Span::term).containsExactly("heck", "darn");
        assertThat(s.model()).isEqualTo("t@1");
    }

    @Test
    void compilesASitesWordListsOnceAndAgainOnlyWhenTheyChange() {
        ProfanityScorer scorer = new ProfanityScorer(List.of(LexiconEntry.block("darn", Severity.MILD, false)), "t@1");
        SiteTerms first = scorer.siteTerms(List.of("heck"), List.of("gosh"), List.of(), List.of());
        List<String> sameBlock = new java.util.ArrayList<>(List.of("heck"));
        assertThat(scorer.siteTerms(sameBlock, List.of("gosh"), List.of(), List.of()))
                .isSameAs(first);
        SiteTerms changed = scorer.siteTerms(List.of("heck", "blimey"), List.of("gosh"), List.of(), List.of());
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.find("blimey, gosh").block()).extracting(Span::text).containsExactly("blimey");
        assertThat(first.find("blimey, gosh").block()).isEmpty();
        assertThat(first.find("blimey, gosh").review()).extracting(Span::text).containsExactly("gosh");
    }

    @Test
    void dropsTheLeastRecentlyUsedSiteListsWhenTheCacheHoldsTooManyListsOrTooManyCharacters() {
        ProfanityScorer scorer = new ProfanityScorer(List.of(LexiconEntry.block("darn", Severity.MILD, false)), "t@1");
        List<String> hot = List.of("heck");
        SiteTerms kept = scorer.siteTerms(hot, List.of(), List.of(), List.of());
        SiteTerms cold = scorer.siteTerms(List.of("gosh"), List.of(), List.of(), List.of());
        for (int i = 0; i < ProfanityScorer.SITE_CACHE_ENTRIES; i++) {
            assertThat(scorer.siteTerms(hot, List.of(), List.of(), List.of())).isSameAs(kept);
            scorer.siteTerms(List.of("term" + i), List.of(), List.of(), List.of());
        }
        assertThat(scorer.siteTerms(List.of("gosh"), List.of(), List.of(), List.of()))
                .isNotSameAs(cold);

        cold = scorer.siteTerms(List.of("gosh"), List.of(), List.of(), List.of());
        List<String> large = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "x".repeat(99) + i)
                .toList();
        for (int i = 0; i * 2000 <= ProfanityScorer.SITE_CACHE_CHARS; i++) {
            assertThat(scorer.siteTerms(hot, List.of(), List.of(), List.of())).isSameAs(kept);
            scorer.siteTerms(large, List.of("y" + i), List.of(), List.of());
        }
        assertThat(scorer.siteTerms(List.of("gosh"), List.of(), List.of(), List.of()))
                .isNotSameAs(cold);
    }

    @Test
    void worksWithAnInlineLexiconAndItsAllowList() {
        ProfanityScorer scorer = new ProfanityScorer(
                List.of(LexiconEntry.block("crud", Severity.MILD, true), LexiconEntry.allowed("crudites")), "inline@0");
        assertThat(scorer.score(ScoringContext.of("crudites and crudballs")).spans())
                .extracting(Span::text)
                .containsExactly("crudballs");
    }

    @Test
    void keepsOriginalOffsetsWhenTheTextHasSupplementaryCharactersBeforeTheMatch() {
        String text = "😀😀 oh 𝐟𝐮𝐜𝐤";
        Signal s = score(text);
        assertThat(s.spans()).hasSize(1);
        assertThat(text.substring(s.spans().get(0).begin(), s.spans().get(0).end()))
                .isEqualTo("𝐟𝐮𝐜𝐤");
    }

    @Test
    void survivesMaskFloodsWithoutBlowingUp() {
        String flood = "f" + "*".repeat(5000) + "k " + "*".repeat(5000);
        assertThat(score(flood).spans()).isEmpty();
    }

    /** Ordinary words that clean news comments use and that version 1.0.0 flagged (npm side-by-side benchmark). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Let him cook, the season is young",
                "My mom's cook book",
                "The squad flew home on Monday",
                "That was sloppy defending",
                "Two spaces after a full stop",
                "The spacing of the bus stops",
                "spaced out",
                "They hoard cash instead of investing",
                "the buttes of Monument Valley",
                "crapes and silks at the market",
                "Whoops, wrong thread",
                "whoop whoop",
                "she answered coolly",
                "pollack and cod stocks",
                "He'll be back next week",
                "who're they kidding?",
                "Christmas pudding",
                "what a noob",
                "horrid weather",
                "she swallowed her pride",
                "butter and jam",
                "a cunning plan",
                "cocky and half-cocked",
                "he spiked the ball",
                "she began to sob",
                "Fatah and Hamas",
                "hardcore fans",
                "sh, the baby is asleep",
                "Shi Zhengli",
                "a $50b deficit",
                "a squeaky wheel"
            })
    void neverFlagsOrdinaryWordsThatResembleATermByRepetitionSuffixOrContraction(String text) {
        Signal s = score(text);
        assertThat(s.spans()).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "f.u.c.k off|fuck",
                "that is sh1t|shit",
                "what an a$$hole|asshole",
                "fuuuuck this|fuck",
                "fuuck this|fuck",
                "you biitch|bitch",
                "shiiiit|shit",
                "stupid whoooore|whore",
                "hell's bells|hell",
                "what the hell|hell",
                "b!tch's car|bitch",
                "fuckin' hell|fuckin",
                "a c*nt|cunt",
                "F U C K|fuck",
                "pu55y|pussy",
                "such crap's going on|crap",
                "what a sloooopy mess|slopy"
            })
    void stillCatchesDisguisedSpellings(String text, String term) {
        assertThat(score(text).spans()).as(text).extracting(Span::term).contains(term);
    }
}

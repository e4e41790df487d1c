package org.commentguard.scoring.spam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpamFeaturesTest {

    private final SpamFeatures features = new SpamFeatures();

    private List<String> rules(String text) {
        return features.extract(text).evidence().stream()
                .map(SpamFeatures.Evidence::rule)
                .toList();
    }

    private List<String> surfaces(String text) {
        return features.extract(text).evidence().stream()
                .map(e -> text.substring(e.begin(), e.end()))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "go to https://example.net/win?x=1 now|https://example.net/win?x=1",
                "visit www.cheap-pills.biz today|www.cheap-pills.biz",
                "just for test I have to say murdev.com|murdev.com",
                "see my site (http://my-band.tk).|http://my-band.tk",
            })
    void findsLinksWithOrWithoutScheme(String text, String link) {
        SpamFeatures.Extraction x = features.extract(text);
        assertThat(x.dense()[SpamFeatures.LINK]).isPositive();
        assertThat(surfaces(text)).contains(link);
    }

    @Test
    void marksShortenersSeparately() {
        String text = "free stuff at bit.ly/3xYz and youtu.be/abc";
        SpamFeatures.Extraction x = features.extract(text);
        assertThat(x.dense()[SpamFeatures.SHORTENER]).isEqualTo(1.0);
        assertThat(rules(text)).contains("link.shortener");
        assertThat(surfaces(text)).contains("bit.ly/3xYz", "youtu.be/abc");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "earn big at cashnow dot com|cashnow dot com",
                "earn big at cashnow (dot) com|cashnow (dot) com",
                "earn big at cashnow . com|cashnow . com",
            })
    void findsDomainsSpelledOutToDodgeFilters(String text, String spelled) {
        assertThat(features.extract(text).dense()[SpamFeatures.SPELLED_DOMAIN]).isEqualTo(1.0);
        assertThat(surfaces(text)).contains(spelled);
    }

    @Test
    void doesNotTakeProseForDomains() {
        for (String prose : List.of(
                "This is the dot com bubble all over again.",
                "Prices rose, e.g. for eggs.",
                "It ended.Then it began again.",
                "Meet at 10 a.m. in the hall.")) {
            SpamFeatures.Extraction x = features.extract(prose);
            assertThat(x.dense()[SpamFeatures.LINK] + x.dense()[SpamFeatures.SPELLED_DOMAIN])
                    .as(prose)
                    .isZero();
        }
    }

    @Test
    void countsReferenceLinksApartFromSpamLinks() {
        String text = "The data is at https://www.reuters.com/markets/ and https://www.bls.gov/cpi/ if you care.";
        SpamFeatures.Extraction x = features.extract(text);
        assertThat(x.referenceLinks()).isEqualTo(2);
        assertThat(x.dense()[SpamFeatures.LINK]).isZero();
        assertThat(x.evidence()).isEmpty();
    }

    @Test
    void findsEmailAddressesAndPhoneNumbers() {
        String text = "Write to jane.doe+deals@gmail.com or call +1 (555) 123-4567 today";
        assertThat(surfaces(text)).contains("jane.doe+deals@gmail.com", "+1 (555) 123-4567");
        assertThat(rules(text)).contains("contact.email", "contact.phone");
    }

    @Test
    void doesNotTakeYearsPricesOrDatesForPhoneNumbers() {
        for (String text : List.of(
                "From 1990 to 2020 prices doubled.", "It cost $1,000,000,000 in 2013-11-07.", "Call it 50 50.")) {
            assertThat(features.extract(text).dense()[SpamFeatures.PHONE])
                    .as(text)
                    .isZero();
        }
    }

    @Test
    void findsPromotionAndContactPhrases() {
        String text = "Hey guys check out my channel and please subscribe, DM me for collabs";
        assertThat(surfaces(text)).contains("check out my", "please subscribe", "DM me");
        assertThat(rules(text)).contains("promo", "contact");
    }

    @Test
    void findsEarningsClaimsButNotNewsAboutPay() {
        String pitch = "I made $8,000 last month working from home!";
        assertThat(surfaces(pitch)).contains("$8,000 last month", "working from home");
        assertThat(features.extract("The CEO made $20 million last year.").dense()[SpamFeatures.MONEY])
                .isZero();
        assertThat(features.extract("Parking costs $5 a day downtown.").dense()[SpamFeatures.MONEY])
                .isZero();
    }

    @Test
    void findsCryptoPitchesOnlyWhenAnAssetMeetsAPitchWord() {
        assertThat(features.extract("My bitcoin trader doubled my profits, contact him")
                        .dense()[SpamFeatures.CRYPTO])
                .isEqualTo(1.0);
        assertThat(features.extract("Bitcoin fell 5% after the Fed decision").dense()[SpamFeatures.CRYPTO])
                .isZero();
    }

    @Test
    void measuresShoutingOnlyOnEnoughLetters() {
        assertThat(features.extract("THIS IS FUCKING EXPLODING").dense()[SpamFeatures.SHOUTING])
                .isEqualTo(1.0);
        assertThat(features.extract("USA! OK").dense()[SpamFeatures.SHOUTING]).isZero();
        assertThat(features.extract("The NATO summit in Madrid went fine").dense()[SpamFeatures.SHOUTING])
                .isZero();
    }

    @Test
    void findsCharacterFloodingButNotOrdinaryPunctuation() {
        String text = "sooooo good!!!!!! right...";
        assertThat(surfaces(text)).containsExactly("ooooo", "!!!!!!");
        assertThat(features.extract("Well... really?! Hmm.").dense()[SpamFeatures.FLOODING])
                .isZero();
    }

    @Test
    void reportsEvidenceInOriginalOffsetsAfterSurrogatesAndAccents() {
        String text = "😀😀 Ünïcödé fans: vísit www.spam-site.com ✨ now";
        SpamFeatures.Extraction x = features.extract(text);
        SpamFeatures.Evidence link = x.evidence().stream()
                .filter(e -> e.rule().equals("link"))
                .findFirst()
                .orElseThrow();
        assertThat(text.substring(link.begin(), link.end())).isEqualTo("www.spam-site.com");
        assertThat(link.begin()).isEqualTo(text.indexOf("www."));
    }

    @Test
    void detectsExactAndNearDuplicatesInTheWindow() {
        String spam = "Hey everyone, check out my new music video, it took me months to make, please share it";
        String[] texts = {
            "Totally unrelated comment about the election results in Ohio last night",
            spam,
            spam.replace("months", "weeks")
        };
        long[] window = new long[texts.length];
        for (int i = 0; i < texts.length; i++) {
            window[i] = NearDuplicate.fingerprint(texts[i]);
        }
        SpamFeatures.Extraction x = features.extract(spam, window, texts, window.length);
        assertThat(x.duplicates()).isEqualTo(2);
        assertThat(x.exactDuplicate()).isTrue();
        assertThat(x.evidence()).anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo("duplicate");
            assertThat(e.begin()).isZero();
            assertThat(e.end()).isEqualTo(spam.length());
        });
        assertThat(features.extract(spam, window, texts, 1).duplicates()).isZero();
    }

    @Test
    void hashesTheSameWordsToTheSameBuckets() {
        SpamFeatures.Extraction a = features.extract("Free iPhone giveaway");
        SpamFeatures.Extraction b = features.extract("free IPHONE Giveaway");
        assertThat(a.hashed()).containsExactly(b.hashed());
        assertThat(java.util.Arrays.stream(a.hashed()).boxed().toList())
                .allSatisfy(i -> assertThat(i).isBetween(0, SpamFeatures.HASH_DIM - 1));
    }
}

package org.commentguard.scoring.spam;

import java.util.List;

/**
 * Read-only view of the spam scorer's hand-written vocabulary, for other scorers that need the same evidence with a
 * different meaning: the off-topic scorer reads a bullion or crypto word, or a channel plug, as a sign that a comment
 * drifts to a theme that is off topic almost everywhere, where the spam scorer reads it as a pitch. One list, so the
 * two scorers never disagree about what counts as such a word.
 */
public final class SpamVocabulary {

    private SpamVocabulary() {}

    /** Cryptocurrency, forex and bullion words ("bitcoin", "gold"). */
    public static List<String> assetWords() {
        return List.of(SpamLexicon.ASSET_WORDS);
    }

    /** Self-promotion and channel-plug phrases ("check out my", "subscribe"). */
    public static List<String> promoPhrases() {
        return SpamLexicon.phrases(SpamLexicon.Family.PROMO);
    }

    /** Money-making phrases ("work from home", "passive income"). */
    public static List<String> moneyPhrases() {
        return SpamLexicon.phrases(SpamLexicon.Family.MONEY);
    }
}

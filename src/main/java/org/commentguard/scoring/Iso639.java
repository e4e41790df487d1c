package org.commentguard.scoring;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Maps the ISO 639-3 codes OpenNLP predicts to ISO 639-1 where one exists; other codes pass through unchanged. */
public final class Iso639 {

    private static final Map<String, String> TO_ALPHA2 = new HashMap<>();
    private static final Pattern SUBTAG = Pattern.compile("[-_]");

    static {
        for (String alpha2 : Locale.getISOLanguages()) {
            try {
                TO_ALPHA2.put(Locale.forLanguageTag(alpha2).getISO3Language(), alpha2);
            } catch (java.util.MissingResourceException e) {
                // No three-letter code known to the JDK: nothing to map.
            }
        }
        // Individual languages OpenNLP uses in place of the macro-language the JDK knows.
        TO_ALPHA2.put("cmn", "zh");
        TO_ALPHA2.put("ekk", "et");
        TO_ALPHA2.put("lvs", "lv");
        TO_ALPHA2.put("pes", "fa");
        TO_ALPHA2.put("pnb", "pa");
        TO_ALPHA2.put("plt", "mg");
        TO_ALPHA2.put("zsm", "ms");
        TO_ALPHA2.put("swh", "sw");
        TO_ALPHA2.put("uzn", "uz");
        TO_ALPHA2.put("azj", "az");
        TO_ALPHA2.put("khk", "mn");
        TO_ALPHA2.put("npi", "ne");
        TO_ALPHA2.put("arb", "ar");
    }

    private Iso639() {}

    public static String toAlpha2(String iso3) {
        return TO_ALPHA2.getOrDefault(iso3, iso3);
    }

    /** {@code en-GB}, {@code EN} and {@code eng} all become {@code en}: the models are keyed by primary language. */
    public static String primary(String tag) {
        String primary = SUBTAG.split(tag.strip(), 2)[0].toLowerCase(Locale.ROOT);
        return toAlpha2(primary);
    }
}

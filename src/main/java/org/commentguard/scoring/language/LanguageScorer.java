package org.commentguard.scoring.language;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetector;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;
import org.commentguard.scoring.Scorer;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;

/**
 * Detects the language of a comment with OpenNLP's language detector. Reports no probability attribute; the
 * result goes into {@link Signal#details()}: {@code language} (ISO 639-1 where one exists, else ISO 639-3, or
 * {@code und}), {@code languageConfidence} in [0,1], and {@code languages}, the top candidates.
 *
 * <p>A text is only called when it has at least {@link #MIN_LETTERS} letters once links, mentions and e-mail
 * addresses are removed, and the best candidate clearly beats the runner-up; otherwise the language is
 * {@code und} with the reason {@code language.undetermined}. Guessing from "ok thanks" would be noise.
 */
@Singleton
@Startup
public class LanguageScorer implements Scorer {

    public static final String ID = "language";
    public static final String UNDETERMINED = "und";

    /** Below this many letters the detector's character n-grams are too few to tell related languages apart. */
    public static final int MIN_LETTERS = 20;

    /**
     * Minimum share of the best candidate among the top three. OpenNLP spreads probability over 103 languages,
     * so absolute values are small (0.03–0.15 for a clear sentence); what separates a call from a guess is how
     * far the winner stands above its neighbours. Clear sentences land at 0.45–0.70, word salad near 0.34.
     */
    public static final double MIN_CONFIDENCE = 0.42;

    static final int CANDIDATES = 3;

    private static final Pattern NOISE = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|[@#][\\w_]+|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|net|org|io|ly|co)(?:/\\S*)?");

    private final LanguageDetector detector;
    private final String modelId;

    /** CDI path: the model from the {@code opennlp-models-langdetect} jar, checked against its sha256. */
    @Inject
    public LanguageScorer() {
        this(LanguageModelLoader.load());
    }

    private LanguageScorer(LanguageModelLoader.Loaded loaded) {
        this(loaded.model(), loaded.modelId());
    }

    public LanguageScorer(LanguageDetectorModel model, String modelId) {
        this.detector = new ThreadSafeLanguageDetectorME(Objects.requireNonNull(model, "model"));
        this.modelId = Objects.requireNonNull(modelId, "modelId");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> attributes() {
        return List.of();
    }

    @Override
    public String model() {
        return modelId;
    }

    @Override
    public Signal score(ScoringContext context) {
        String cleaned = NOISE.matcher(context.text()).replaceAll(" ");
        int letters = 0;
        for (int i = 0; i < cleaned.length(); i++) {
            if (Character.isLetter(cleaned.charAt(i))) {
                letters++;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (letters < MIN_LETTERS) {
            details.put("language", UNDETERMINED);
            details.put("languageConfidence", 0.0);
            details.put("languages", List.of());
            return new Signal(ID, modelId, Map.of(), List.of(), List.of("language.undetermined"), details, null);
        }
        Language[] predicted = detector.predictLanguages(cleaned);
        int k = Math.min(CANDIDATES, predicted.length);
        double top = 0;
        for (int i = 0; i < k; i++) {
            top += predicted[i].getConfidence();
        }
        List<Map<String, Object>> candidates = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("language", Iso639.toAlpha2(predicted[i].getLang()));
            c.put("confidence", round(predicted[i].getConfidence() / top));
            candidates.add(c);
        }
        double confidence = round(predicted[0].getConfidence() / top);
        boolean called = confidence >= MIN_CONFIDENCE;
        details.put("language", called ? Iso639.toAlpha2(predicted[0].getLang()) : UNDETERMINED);
        details.put("languageConfidence", confidence);
        details.put("languages", candidates);
        return new Signal(ID, modelId, Map.of(), List.of(), called ? List.of() : List.of("language.undetermined"),
                details, null);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}

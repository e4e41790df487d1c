package org.commentguard.scoring.spam;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.commentguard.scoring.Scorer;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.model.ModelArtifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores how likely a comment is spam: self-promotion, link and contact spam, money/crypto pitches, and the same
 * text posted again. Reports the {@code spam} attribute as a calibrated probability, spans on the links, phrases
 * and duplicates in the original text, and one reason per kind of evidence ({@code spam.link},
 * {@code spam.contact}, {@code spam.promo}, {@code spam.shouting}, {@code spam.flooding}, {@code spam.duplicate}).
 *
 * <p>Duplicates are searched in {@link org.commentguard.scoring.SiteScoringData#recentTexts()}, which must not
 * contain the comment being scored.
 */
@Singleton
@Startup
public class SpamScorer implements Scorer {

    public static final String ID = "spam";
    public static final String ATTRIBUTE = "spam";
    /** Name of the shipped model directory under {@code models/}. */
    public static final String MODEL_DIR = "spam";
    /** At most this many recent texts are compared, newest first; it bounds the cost of a call. */
    public static final int MAX_WINDOW = 1000;

    /** Fingerprints of recent texts: the same window is passed with every comment, so cache them. */
    private static final int FINGERPRINT_CACHE_SIZE = 20_000;

    private final SpamModel model;
    private final String modelId;
    private final SpamFeatures features = new SpamFeatures();
    private final Map<String, Long> fingerprints = new ConcurrentHashMap<>();

    /** CDI path: loads the shipped model, failing start-up if it is missing or corrupt. */
    @Inject
    public SpamScorer() {
        this(ModelArtifact.load(MODEL_DIR));
    }

    public SpamScorer(ModelArtifact artifact) {
        this(read(artifact), artifact.id());
    }

    public SpamScorer(SpamModel model, String modelId) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
    }

    private static SpamModel read(ModelArtifact artifact) {
        try {
            return SpamModel.read(artifact.open());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spam model " + artifact.id(), e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> attributes() {
        return List.of(ATTRIBUTE);
    }

    @Override
    public String model() {
        return modelId;
    }

    @Override
    public Signal score(ScoringContext context) {
        String text = context.text();
        List<String> recent = context.site().recentTexts();
        int windowSize = Math.min(recent.size(), MAX_WINDOW);
        long[] window = new long[windowSize];
        String[] windowTexts = new String[windowSize];
        int count = 0;
        for (int r = 0; r < windowSize; r++) {
            String recentText = recent.get(r);
            long fp = fingerprintOf(recentText);
            if (fp != NOT_COMPARABLE) {
                windowTexts[count] = recentText;
                window[count++] = fp;
            }
        }
        SpamFeatures.Extraction x = features.extract(text, window, windowTexts, count);
        double probability = model.probability(x);

        List<Span> spans = new ArrayList<>(x.evidence().size());
        Set<String> reasons = new LinkedHashSet<>();
        for (SpamFeatures.Evidence e : x.evidence()) {
            if (model.denseWeight(e.feature()) <= 0) {
                // Evidence the model does not count against the comment is not reported as if it did.
                continue;
            }
            spans.add(new Span(
                    e.begin(),
                    e.end(),
                    ATTRIBUTE,
                    round(
                            e.feature() == SpamFeatures.SHORTENER
                                    ? model.evidenceScore(SpamFeatures.LINK, SpamFeatures.SHORTENER)
                                    : model.evidenceScore(e.feature())),
                    text.substring(e.begin(), e.end()),
                    e.rule(),
                    null));
            reasons.add(reasonFor(e.feature()));
        }
        if (x.dense()[SpamFeatures.SHOUTING] > 0
                && x.capsRatio() >= SpamFeatures.SHOUTING_RATIO
                && model.denseWeight(SpamFeatures.SHOUTING) > 0) {
            reasons.add("spam.shouting");
        }
        List<String> orderedReasons =
                REASON_ORDER.stream().filter(reasons::contains).toList();

        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Double> fired = new LinkedHashMap<>();
        for (int f = 0; f < SpamFeatures.DENSE; f++) {
            if (f != SpamFeatures.LENGTH && x.dense()[f] != 0) {
                fired.put(SpamFeatures.NAMES.get(f), round(x.dense()[f]));
            }
        }
        details.put("features", fired);
        details.put("capsRatio", round(x.capsRatio()));
        details.put("referenceLinks", x.referenceLinks());
        details.put("duplicates", x.duplicates());
        details.put("exactDuplicate", x.exactDuplicate());
        details.put("windowSize", count);

        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(ATTRIBUTE, round(probability));
        return new Signal(ID, modelId, scores, spans, orderedReasons, details, null);
    }

    private static final List<String> REASON_ORDER =
            List.of("spam.link", "spam.contact", "spam.promo", "spam.duplicate", "spam.shouting", "spam.flooding");

    private static String reasonFor(int feature) {
        return switch (feature) {
            case SpamFeatures.LINK, SpamFeatures.SHORTENER, SpamFeatures.SPELLED_DOMAIN -> "spam.link";
            case SpamFeatures.EMAIL, SpamFeatures.PHONE, SpamFeatures.CONTACT -> "spam.contact";
            case SpamFeatures.PROMO, SpamFeatures.MONEY, SpamFeatures.CRYPTO -> "spam.promo";
            case SpamFeatures.FLOODING -> "spam.flooding";
            case SpamFeatures.DUPLICATE -> "spam.duplicate";
            default -> "spam.other";
        };
    }

    private static final long NOT_COMPARABLE = Long.MIN_VALUE ^ 0x5eedL;

    private long fingerprintOf(String text) {
        Long cached = fingerprints.get(text);
        if (cached != null) {
            return cached;
        }
        long fp = NearDuplicate.isComparable(text) ? NearDuplicate.fingerprint(text) : NOT_COMPARABLE;
        if (fingerprints.size() >= FINGERPRINT_CACHE_SIZE) {
            // Crude but bounded: windows move slowly, so a full reset costs one window's worth of hashing.
            fingerprints.clear();
        }
        fingerprints.put(text, fp);
        return fp;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}

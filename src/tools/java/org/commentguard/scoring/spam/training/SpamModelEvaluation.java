package org.commentguard.scoring.spam.training;

import org.commentguard.scoring.spam.SpamFeatures;
import org.commentguard.scoring.spam.SpamModel;
import org.commentguard.tools.BinaryMetrics.Confusion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Held-out evaluation of the spam model at the default threshold (0.5): the YouTube held-out split, the Civil
 * Comments held-out sample (false-positive rate on news comments), and, when available, the SMS Spam Collection.
 * SMS is evaluation-only (its licence does not allow shipping a model trained on it) and is read from the shared
 * data folder at run time, never from the repository; it is skipped when absent.
 *
 * <pre>src/tools/run SpamModelEvaluation [models/spam] [../shared/data]</pre>
 */
public final class SpamModelEvaluation {

    public static final double THRESHOLD = 0.5;

    /**
     * Held-out figures.
     *
     * @param youtube YouTube held-out split (spam and ham)
     * @param civil   Civil Comments held-out sample (ham only: read its false-positive rate)
     */
    public record Report(Confusion youtube, Confusion civil) {
        @Override
        public String toString() {
            return "youtube held-out: " + youtube + "\ncivil held-out (ham only): " + civil;
        }
    }

    private SpamModelEvaluation() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "models/spam");
        Path shared =
                Path.of(args.length > 1 ? args[1] : System.getProperty("commentguard.shared.data", "../shared/data"));
        SpamModel model = SpamModelFiles.read(dir);
        SpamCorpus corpus = SpamCorpus.load(dir.resolve("data"));
        System.out.println(
                "model " + SpamModelFiles.NAME + "@" + SpamModelFiles.version(dir) + ", threshold " + THRESHOLD);
        System.out.println(heldOut(model, corpus));
        Optional<Confusion> sms = sms(model, shared);
        System.out.println(sms.map(m -> "sms (eval only): " + m)
                .orElse("sms (eval only): skipped, " + shared.resolve("sms-spam-collection") + " not found"));
    }

    public static Report heldOut(SpamModel model, SpamCorpus corpus) {
        SpamFeatures features = new SpamFeatures();
        List<Double> ytScores = new ArrayList<>();
        List<Boolean> ytLabels = new ArrayList<>();
        List<Double> civilScores = new ArrayList<>();
        List<Boolean> civilLabels = new ArrayList<>();
        for (SpamCorpus.Example e : corpus.heldOut()) {
            double p = model.probability(features.extract(e.text(), e.window(), e.windowTexts(), e.window().length));
            if (e.source().equals("youtube")) {
                ytScores.add(p);
                ytLabels.add(e.spam());
            } else {
                civilScores.add(p);
                civilLabels.add(e.spam());
            }
        }
        return new Report(metrics(ytScores, ytLabels), metrics(civilScores, civilLabels));
    }

    /** Metrics on the SMS Spam Collection, or empty when the shared data folder does not have it. */
    public static Optional<Confusion> sms(SpamModel model, Path sharedData) throws IOException {
        Path file = sharedData.resolve("sms-spam-collection").resolve("SMSSpamCollection");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        SpamFeatures features = new SpamFeatures();
        List<Double> scores = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            scores.add(model.probability(features.extract(line.substring(tab + 1))));
            labels.add(line.substring(0, tab).equals("spam"));
        }
        return Optional.of(metrics(scores, labels));
    }

    private static Confusion metrics(List<Double> scores, List<Boolean> labels) {
        double[] s = new double[scores.size()];
        int[] l = new int[labels.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores.get(i);
            l[i] = labels.get(i) ? 1 : 0;
        }
        return Confusion.of(s, l, THRESHOLD);
    }
}

package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.toxicity.ToxicityFeatures;
import org.commentguard.scoring.toxicity.ToxicityModel;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.ToxicityTextNormalizer;
import org.commentguard.scoring.toxicity.training.ToxicityCorpus.Example;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Retrains the shipped toxicity model from the repository copy of its data and rewrites
 * {@code models/toxicity/toxicity-maxent.bin} and {@code model.properties} (with the new sha256).
 *
 * <p>Usage: {@code ToxicityModelTrainer [corpus] [modelDir] [hashBits minDf l2 iterations threads]}.
 */
public final class ToxicityModelTrainer {

    public static final String MODEL_FILE = "toxicity-maxent.bin";
    static final String OPENNLP_VERSION = "2.5.6";

    private ToxicityModelTrainer() {}

    public static void main(String[] args) throws IOException {
        Path corpus = args.length > 0 ? Path.of(args[0]) : ToxicityCorpus.DEFAULT_FILE;
        Path dir = args.length > 1 ? Path.of(args[1]) : Path.of("models/toxicity");
        ToxicityTrainer.Settings s = ToxicityTrainer.Settings.DEFAULT;
        if (args.length > 2) {
            s = new ToxicityTrainer.Settings(
                    Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]),
                    Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
        }
        long t0 = System.nanoTime();
        List<Example> all = ToxicityCorpus.read(corpus);
        List<Example> train =
                all.stream().filter(e -> e.split().equals(ToxicityCorpus.TRAIN)).toList();
        List<Example> calibration = all.stream()
                .filter(e -> e.split().equals(ToxicityCorpus.CALIBRATION))
                .toList();
        System.out.println("corpus " + corpus + ": " + train.size() + " train, " + calibration.size()
                + " calibration; settings " + s);
        ToxicityModel model = new ToxicityTrainer(s).train(train, calibration, System.out::println);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        byte[] data = bytes.toByteArray();
        Files.createDirectories(dir);
        Files.write(dir.resolve(MODEL_FILE), data);
        String props = String.join(
                "\n",
                "# Written by ToxicityModelTrainer; retrain instead of editing by hand.",
                "name=" + ToxicityScorer.MODEL_NAME,
                "version=" + ToxicityScorer.MODEL_VERSION,
                "file=" + MODEL_FILE,
                "sha256=" + ModelArtifact.sha256(data),
                "language=en",
                "opennlp.version=" + OPENNLP_VERSION,
                "trainer=opennlp MAXENT_QN (L-BFGS), one binary model per attribute, isotonic calibration",
                "hash.bits=" + s.hashBits(),
                "min.df=" + s.minDf(),
                "l2=" + s.l2(),
                "iterations=" + s.iterations(),
                "normalizer.version=" + ToxicityTextNormalizer.VERSION,
                "features.version=" + ToxicityFeatures.VERSION,
                "data.corpus=data/corpus.tsv.gz",
                "data.sha256=" + ModelArtifact.sha256(Files.readAllBytes(corpus)),
                "data.seed=" + ToxicityDataPreparation.SEED,
                "");
        Files.writeString(dir.resolve("model.properties"), props, StandardCharsets.UTF_8);
        System.out.printf(
                "wrote %s (%d bytes) in %.1fs%n", dir.resolve(MODEL_FILE), data.length, (System.nanoTime() - t0) / 1e9);
    }
}

package org.commentguard.scoring.spam.training;

import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.spam.SpamModel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Reads and writes the spam model directory ({@code models/spam/}) on the file system, for training and evaluation. */
public final class SpamModelFiles {

    public static final String NAME = "spam-lr";
    public static final String FILE = "spam-lr.bin";

    private SpamModelFiles() {}

    /** Writes the model file and a model.properties naming it with its sha256; returns the sha256. */
    public static String write(Path dir, SpamModel model, String version, String metrics) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        byte[] data = bytes.toByteArray();
        String sha = ModelArtifact.sha256(data);
        Files.createDirectories(dir);
        Files.write(dir.resolve(FILE), data);
        // Written by hand rather than Properties.store, which adds a timestamp and breaks reproducibility.
        String props = "# Spam model: logistic regression over hand features + hashed word n-grams, Platt-calibrated.\n"
                + "# Retrain: see MODEL_CARD.md. Do not edit by hand; sha256 is checked at start-up.\n"
                + "name=" + NAME + "\n"
                + "version=" + version + "\n"
                + "file=" + FILE + "\n"
                + "sha256=" + sha + "\n"
                + "language=en\n"
                + "format=" + SpamModel.FORMAT + "\n"
                + "library=commentguard (pure Java, no ML library)\n"
                + "threshold=0.5\n"
                + "training.seed=" + SpamCorpus.SEED + "\n"
                + "training.data=youtube-spam-collection (CC BY 4.0) + civil-comments sample (CC0), models/spam/data\n"
                + "metrics.heldout=" + metrics + "\n";
        Files.writeString(dir.resolve("model.properties"), props, StandardCharsets.UTF_8);
        return sha;
    }

    /** Reads the model from {@code dir}, checking the sha256 in its model.properties. */
    public static SpamModel read(Path dir) throws IOException {
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(dir.resolve("model.properties"), StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        byte[] data = Files.readAllBytes(dir.resolve(props.getProperty("file")));
        String sha = ModelArtifact.sha256(data);
        if (!sha.equalsIgnoreCase(props.getProperty("sha256"))) {
            throw new IOException(dir.resolve(FILE) + " has sha256 " + sha + " but model.properties says "
                    + props.getProperty("sha256"));
        }
        try (InputStream in = new java.io.ByteArrayInputStream(data)) {
            return SpamModel.read(in);
        }
    }

    public static String version(Path dir) throws IOException {
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(dir.resolve("model.properties"), StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        return props.getProperty("version");
    }
}

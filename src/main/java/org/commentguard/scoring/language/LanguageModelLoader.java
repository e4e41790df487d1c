package org.commentguard.scoring.language;

import opennlp.tools.langdetect.LanguageDetectorModel;
import org.commentguard.scoring.model.ModelArtifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Loads OpenNLP's language detector model from the {@code opennlp-models-langdetect} jar on the class path and
 * checks it against the sha256 that jar's own {@code model.properties} declares. The metadata is read from the
 * jar that holds the model file, not from whichever {@code model.properties} comes first on the class path, since
 * every opennlp-models jar has one at its root.
 */
final class LanguageModelLoader {

    static final String MODEL_FILE = "langdetect-183.bin";
    static final String NAME = "opennlp-langdetect";
    private static final String POM = "META-INF/maven/org.apache.opennlp/opennlp-models-langdetect/pom.properties";

    /** The loaded model and the {@code name@version} scores carry. */
    record Loaded(LanguageDetectorModel model, String modelId) {}

    private LanguageModelLoader() {}

    static Loaded load() {
        URL model = LanguageModelLoader.class.getClassLoader().getResource(MODEL_FILE);
        if (model == null) {
            throw new ModelArtifact.ModelIntegrityException("missing class-path resource " + MODEL_FILE
                    + " (dependency org.apache.opennlp:opennlp-models-langdetect)");
        }
        String jarPrefix = model.toString().substring(0, model.toString().length() - MODEL_FILE.length());
        try {
            byte[] bytes;
            try (InputStream in = model.openStream()) {
                bytes = in.readAllBytes();
            }
            Properties meta = properties(jarPrefix + "model.properties");
            String expected = meta.getProperty("model.sha256");
            if (expected != null && !expected.equalsIgnoreCase(ModelArtifact.sha256(bytes))) {
                throw new ModelArtifact.ModelIntegrityException(
                        MODEL_FILE + " does not match the sha256 in its jar's " + "model.properties");
            }
            // The artifact version names the released jar exactly; the model's own version goes into the name.
            String artifactVersion = properties(jarPrefix + POM).getProperty("version");
            String modelVersion = meta.getProperty("model.version");
            String version = artifactVersion != null ? artifactVersion : modelVersion;
            if (version == null) {
                throw new ModelArtifact.ModelIntegrityException("cannot tell the version of " + MODEL_FILE);
            }
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                return new Loaded(new LanguageDetectorModel(in), NAME + "@" + version);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + MODEL_FILE, e);
        }
    }

    private static Properties properties(String url) {
        Properties props = new Properties();
        try (InputStream in = new URL(url).openStream()) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Absent metadata is tolerated: the caller falls back to what it has.
        }
        return props;
    }
}

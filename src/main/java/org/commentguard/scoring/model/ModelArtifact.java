package org.commentguard.scoring.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A shipped model or lexicon: {@code models/<name>/model.properties} plus the file it names, read from the class
 * path (the build copies the top-level {@code models/} folder into the jar). Loading verifies the file's sha256
 * against the properties, so a corrupt or swapped file stops start-up instead of producing wrong scores.
 *
 * <p>{@code model.properties} keys: {@code name}, {@code version}, {@code file}, {@code sha256}, {@code language},
 * and whatever library versions the model depends on.
 */
public final class ModelArtifact {

    private final String name;
    private final String version;
    private final Properties properties;
    private final byte[] bytes;

    private ModelArtifact(String name, String version, Properties properties, byte[] bytes) {
        this.name = name;
        this.version = version;
        this.properties = properties;
        this.bytes = bytes;
    }

    /** Loads {@code models/<dir>/model.properties} and its file from the class path, checking the sha256. */
    public static ModelArtifact load(String dir) {
        String base = "models/" + dir + "/";
        Properties props = new Properties();
        try (InputStream in = resource(base + "model.properties")) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base + "model.properties", e);
        }
        String file = required(props, "file", base);
        byte[] data;
        try (InputStream in = resource(base + file)) {
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base + file, e);
        }
        String expected = required(props, "sha256", base);
        String actual = sha256(data);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new ModelIntegrityException(
                    base + file + " has sha256 " + actual + " but model.properties says " + expected);
        }
        return new ModelArtifact(required(props, "name", base), required(props, "version", base), props, data);
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            in = ModelArtifact.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IOException("missing resource " + path);
        }
        return in;
    }

    private static String required(Properties props, String key, String base) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new ModelIntegrityException(base + "model.properties lacks '" + key + "'");
        }
        return v.trim();
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** {@code name@version}, the form every score carries. */
    public String id() {
        return name + "@" + version;
    }

    public String property(String key) {
        return properties.getProperty(key);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    /** Thrown when a shipped model is missing, incomplete or does not match its checksum. */
    public static final class ModelIntegrityException extends RuntimeException {
        public ModelIntegrityException(String message) {
            super(message);
        }
    }
}

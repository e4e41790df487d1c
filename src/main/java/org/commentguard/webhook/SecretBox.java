package org.commentguard.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals signing secrets (webhook endpoints', Coral's) for storage with AES-GCM. A secret has to be recoverable (it
 * signs or verifies every request), so it cannot be hashed like an API key; encryption keeps a database dump from
 * leaking it.
 */
@ApplicationScoped
public class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    private static final String SEALED = "v1:";
    private static final String PLAIN = "plain:";
    private static final int IV_BYTES = 12;

    private final Optional<SecretKeySpec> key;
    private final SecureRandom random = new SecureRandom();

    @jakarta.inject.Inject
    public SecretBox(WebhookConfig config) {
        this.key = config.encryptionKey().filter(k -> !k.isBlank()).map(SecretBox::keyOf);
        if (key.isEmpty()) {
            LOG.warn("commentguard.webhook.encryption-key is not set: webhook signing secrets are stored unencrypted");
        }
    }

    SecretBox(Optional<SecretKeySpec> key) {
        this.key = key;
    }

    static SecretKeySpec keyOf(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("commentguard.webhook.encryption-key must be base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("commentguard.webhook.encryption-key must decode to 16, 24 or 32 bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String seal(String secret) {
        if (key.isEmpty()) {
            return PLAIN + secret;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return SEALED + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt webhook secret", e);
        }
    }

    public String open(String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(SEALED) || key.isEmpty()) {
            throw new IllegalStateException("webhook secret is encrypted but no (matching) encryption key is set");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("webhook secret cannot be decrypted with the configured key", e);
        }
    }
}

package org.commentguard.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Signs webhook bodies: {@code Commentguard-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}.
 * Including the timestamp lets receivers refuse replays of old deliveries.
 */
public final class WebhookSigner {

    public static final String TIMESTAMP_HEADER = "Commentguard-Timestamp";
    public static final String SIGNATURE_HEADER = "Commentguard-Signature";

    private WebhookSigner() {}

    /** The header value for {@code body} sent at {@code timestamp} (epoch seconds). */
    public static String sign(String secret, long timestamp, String body) {
        return "v1=" + HexFormat.of().formatHex(hmac(secret, timestamp + "." + body));
    }

    /** Constant-time check of a received signature header, as a receiver would do it. */
    public static boolean verify(String secret, long timestamp, String body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

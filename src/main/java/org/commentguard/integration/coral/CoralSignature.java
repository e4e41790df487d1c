package org.commentguard.integration.coral;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Coral's request signature, {@code X-Coral-Signature}. Coral builds it in {@code generateSignatures}
 * (coralproject/talk, {@code server/src/core/server/models/settings/signingSecret/helpers.ts}):
 * <pre>
 *   signingSecrets.filter(filterActiveSigningSecrets(now))
 *     .map(({ secret }) =&gt; crypto.createHmac("sha256", secret).update(data).digest().toString("hex"))
 *     .map((signature) =&gt; `sha256=${signature}`)
 *     .join(",")
 * </pre>
 * where {@code data} is the exact request body ({@code JSON.stringify(data, null, 2)} in
 * {@code server/src/core/server/services/fetch/fetch.ts}, {@code generateFetchOptions}). So the header holds one
 * {@code sha256=<hex>} per secret Coral still considers active: during a rotation, the new and the old one. There is
 * no timestamp in the scheme, so freshness cannot be checked; a replayed request is answered from the stored
 * comment (the external id is derived from the request) and stores nothing new.
 */
public final class CoralSignature {

    /** Coral signs with every active secret; more than this many entries is not a header Coral wrote. */
    static final int MAX_ENTRIES = 16;

    private static final String SCHEME = "sha256=";

    private CoralSignature() {}

    /** Whether one of the header's signatures is the HMAC-SHA256 of {@code body} under one of {@code secrets}. */
    public static boolean verify(byte[] body, String header, List<String> secrets) {
        List<byte[]> presented = parse(header);
        if (presented.isEmpty()) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = hmac(secret, body);
            for (byte[] candidate : presented) {
                // Constant time per comparison: the position of a first wrong byte must not leak through timing.
                if (MessageDigest.isEqual(expected, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The header value Coral sends for {@code body} under {@code secrets}, in order. */
    public static String sign(byte[] body, List<String> secrets) {
        List<String> parts = new ArrayList<>();
        for (String secret : secrets) {
            parts.add(SCHEME + HexFormat.of().formatHex(hmac(secret, body)));
        }
        return String.join(",", parts);
    }

    /** The decoded signatures; entries of another scheme or not 32 bytes of hex are skipped. */
    static List<byte[]> parse(String header) {
        List<byte[]> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        String[] entries = header.split(",", MAX_ENTRIES + 1);
        for (int i = 0; i < Math.min(entries.length, MAX_ENTRIES); i++) {
            String entry = entries[i].trim();
            if (!entry.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || entry.length() != SCHEME.length() + 64) {
                continue;
            }
            try {
                out.add(HexFormat.of().parseHex(entry.substring(SCHEME.length())));
            } catch (IllegalArgumentException e) {
                // Not hex: skipped like an unknown scheme.
            }
        }
        return out;
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            // Node's createHmac(…, secret) with a string key uses its UTF-8 bytes.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}

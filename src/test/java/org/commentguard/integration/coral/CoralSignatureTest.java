package org.commentguard.integration.coral;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature and serialisation Coral uses, against figures Node.js produced with Coral's own expressions
 * ({@code JSON.stringify(data, null, 2)}, {@code crypto.createHmac("sha256", secret).update(body).digest()
 * .toString("hex")}, joined as {@code sha256=…,sha256=…}).
 */
class CoralSignatureTest {

    static final String OLD = "ems_0123456789abcdef0123456789abcdef";
    static final String NEW = "ems_fedcba9876543210fedcba9876543210";

    /** A payload with every escape JSON.stringify makes: quotes, backslash, tab, newline, U+2028, emoji, lone
     *  surrogate, a control character. */
    static Map<String, Object> awkward() {
        return CoralPhaseClient.request(
                "NEW",
                "<p>Caf\u00e9 \"quoted\" \\ back\tslash\nline \u2028 sep "
                        + "\ud83d\ude00 lone \ud800 ctl \u0001 / slash</p>",
                null,
                "u-1",
                "s-1",
                "https://news.example/a?b=1&c=2",
                "site-1",
                "t-1");
    }

    static byte[] awkwardBody() {
        Map<String, Object> r = awkward();
        r.put("tenantDomain", "news.example");
        return JsStringify.pretty(r).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void serialisesTheBodyByteForByteAsJavaScriptsPrettyPrintingStringify() throws Exception {
        byte[] body = awkwardBody();
        // node: Buffer.byteLength(body) and crypto.createHash("sha256").update(body).digest("hex")
        assertThat(body).hasSize(396);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                .isEqualTo("18d29c0b5bac6472981b1cac248ee0ac7a68d1b207fe306c54632dac3a43272d");
        assertThat(new String(body, StandardCharsets.UTF_8))
                .startsWith("{\n  \"action\": \"NEW\",\n  \"comment\": {\n"
                        + "    \"body\": \"<p>Caf\u00e9 \\\"quoted\\\" \\\\ back\\tslash\\nline");
    }

    @Test
    void signsWithEveryActiveSecretExactlyAsCoralsGenerateSignatures() {
        assertThat(CoralSignature.sign(awkwardBody(), List.of(OLD, NEW)))
                .isEqualTo("sha256=98fcad7865f230779259e53e32860c2c25f42fd560d762bc87df396ee76778f7,"
                        + "sha256=5662586094b5384dc9ab6baecbefe45abca4db1c7e8b5f3042e43ec2577c3033");
    }

    @Test
    void acceptsARotationHeaderWhicheverOfItsSecretsIsConfigured() {
        byte[] body = awkwardBody();
        String both = CoralSignature.sign(body, List.of(OLD, NEW));
        assertThat(CoralSignature.verify(body, both, List.of(NEW))).isTrue();
        assertThat(CoralSignature.verify(body, both, List.of(OLD))).isTrue();
        assertThat(CoralSignature.verify(body, CoralSignature.sign(body, List.of(NEW)), List.of(OLD, NEW)))
                .isTrue();
        assertThat(CoralSignature.verify(body, " " + both.replace(",", " , ") + " ", List.of(NEW)))
                .isTrue();
    }

    @Test
    void refusesOtherSecretsChangedBodiesAndMalformedHeaders() {
        byte[] body = awkwardBody();
        String signed = CoralSignature.sign(body, List.of(NEW));
        assertThat(CoralSignature.verify(body, signed, List.of(OLD))).isFalse();
        assertThat(CoralSignature.verify(body, signed, List.of())).isFalse();
        byte[] tampered = body.clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(CoralSignature.verify(tampered, signed, List.of(NEW))).isFalse();
        // The same document serialised compactly is other bytes: the signature covers the bytes, not the meaning.
        byte[] compact = new String(body, StandardCharsets.UTF_8)
                .replace("\n", "")
                .replace("  ", "")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(CoralSignature.verify(compact, signed, List.of(NEW))).isFalse();
        String hex = signed.substring("sha256=".length());
        for (String header : List.of(
                "",
                "sha256=",
                hex,
                "sha1=" + hex,
                "sha256=" + hex.substring(2),
                "sha256=" + hex + "00",
                "sha256=" + "zz" + hex.substring(2),
                "v1=" + hex)) {
            assertThat(CoralSignature.verify(body, header, List.of(NEW)))
                    .as(header)
                    .isFalse();
        }
        assertThat(CoralSignature.verify(body, null, List.of(NEW))).isFalse();
    }

    @Test
    void looksAtNoMoreEntriesThanCoralCouldHaveWritten() {
        byte[] body = awkwardBody();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < CoralSignature.MAX_ENTRIES; i++) {
            entries.add("sha256=" + "0".repeat(64));
        }
        entries.add(CoralSignature.sign(body, List.of(NEW)));
        assertThat(CoralSignature.verify(body, String.join(",", entries), List.of(NEW)))
                .isFalse();
        entries.remove(0);
        assertThat(CoralSignature.verify(body, String.join(",", entries), List.of(NEW)))
                .isTrue();
    }
}

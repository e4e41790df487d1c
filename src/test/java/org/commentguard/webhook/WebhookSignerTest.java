package org.commentguard.webhook;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignerTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Reference value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSigner.sign("whsec_test", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    }

    @Test
    void verificationFailsForAnotherBodyTimestampOrSecret() {
        String sig = WebhookSigner.sign("secret", 100, "body");
        assertThat(WebhookSigner.verify("secret", 100, "body", sig)).isTrue();
        assertThat(WebhookSigner.verify("secret", 100, "body!", sig)).isFalse();
        assertThat(WebhookSigner.verify("secret", 101, "body", sig)).isFalse();
        assertThat(WebhookSigner.verify("other", 100, "body", sig)).isFalse();
        assertThat(WebhookSigner.verify("secret", 100, "body", null)).isFalse();
    }

    @Test
    void sealedSecretsRoundTripAndDoNotContainTheSecret() {
        SecretBox box = new SecretBox(Optional.of(new SecretKeySpec(new byte[32], "AES")));
        String sealed = box.seal("whsec_abc");
        assertThat(sealed).startsWith("v1:").doesNotContain("whsec_abc");
        assertThat(box.seal("whsec_abc")).isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("whsec_abc");
    }

    @Test
    void sealedSecretCannotBeOpenedWithAnotherKey() {
        String sealed = new SecretBox(Optional.of(new SecretKeySpec(new byte[32], "AES"))).seal("whsec_abc");
        byte[] other = new byte[32];
        other[0] = 1;
        SecretBox wrong = new SecretBox(Optional.of(new SecretKeySpec(other, "AES")));
        assertThatThrownBy(() -> wrong.open(sealed)).isInstanceOf(IllegalStateException.class);
    }
}

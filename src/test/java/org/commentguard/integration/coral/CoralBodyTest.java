package org.commentguard.integration.coral;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoralBodyTest {

    @Test
    void htmlBodiesBecomeTextWithTheirLineBreaksAndHiddenLinkAddresses() {
        assertThat(CoralBody.text("<p>First &amp; <b>bold</b></p><p>Second<br>line</p>", true))
                .isEqualTo("First & bold\nSecond\nline");
        assertThat(CoralBody.text("Buy <a href=\"http://pills.example/x\">here</a> now", true))
                .isEqualTo("Buy here (http://pills.example/x) now");
        // Coral's linkify phase writes the address as the text: it is not repeated.
        assertThat(CoralBody.text("<a href=\"https://a.example/\">https://a.example/</a>", true))
                .isEqualTo("https://a.example/");
        // Script content is no text a reader sees (Coral strips it before it stores the comment).
        assertThat(CoralBody.text("<script>alert(1)</script>x", true)).isEqualTo("x");
    }

    @Test
    void plainTextBodiesAreTakenAsTheyAre() {
        assertThat(CoralBody.text("I <3 trams & buses", false)).isEqualTo("I <3 trams & buses");
    }
}

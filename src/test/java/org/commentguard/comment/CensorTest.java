package org.commentguard.comment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CensorTest {

    @Test
    void masksCensoredRangesButTheirFirstCharacter() {
        assertThat(CommentIngestion.mask("well darn it", List.of(new int[] {5, 9})))
                .isEqualTo("well d*** it");
        assertThat(CommentIngestion.mask("rip off", List.of(new int[] {0, 7}))).isEqualTo("r** ***");
        assertThat(CommentIngestion.mask("nothing", List.of())).isEqualTo("nothing");
    }
}

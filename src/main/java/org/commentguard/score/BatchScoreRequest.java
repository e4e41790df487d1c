package org.commentguard.score;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Up to {@value ScoreLimits#MAX_BATCH_ITEMS} score requests answered in order. */
public record BatchScoreRequest(@NotNull List<@NotNull @Valid ScoreRequest> items) {

    public record BatchScoreView(List<ScoreView> results) {}
}

package org.commentguard.score;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.platform.error.ApiProblem;
import org.commentguard.platform.failure.Violation;
import org.commentguard.quota.RequestScoring;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.SiteLanguages;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/**
 * Stateless scoring: nothing about the comment is stored. Scoring runs on the fair scheduler under the caller's
 * quotas and deadline ({@link RequestScoring}).
 */
@Path("/api/v1/score")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring")
@Allow(Role.INGEST)
public class ScoreResource {

    private final RequestScoring scoring;
    private final SiteLanguages siteLanguages;
    private final CurrentCaller caller;

    public ScoreResource(RequestScoring scoring, SiteLanguages siteLanguages, CurrentCaller caller) {
        this.scoring = scoring;
        this.siteLanguages = siteLanguages;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Score one comment: every attribute with spans, reasons and model versions")
    public ScoreView score(@Valid @NotNull ScoreRequest request) {
        check("", request);
        return ScoreView.of(scoring.one(contextOf(request, languages())));
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Score up to 100 comments; results come back in request order")
    public BatchScoreRequest.BatchScoreView batch(@Valid @NotNull BatchScoreRequest request) {
        List<ScoreRequest> items = request.items();
        if (items.isEmpty()) {
            throw ApiProblem.invalid("items", "must contain at least one item");
        }
        if (items.size() > ScoreLimits.MAX_BATCH_ITEMS) {
            throw new ApiProblem(
                    400,
                    "batch_too_large",
                    "Batch too large",
                    "A batch holds at most " + ScoreLimits.MAX_BATCH_ITEMS + " items; this one has " + items.size(),
                    List.of(new Violation("items", "must hold at most " + ScoreLimits.MAX_BATCH_ITEMS)));
        }
        // Validate every item before scoring any, so a bad item costs nothing.
        for (int i = 0; i < items.size(); i++) {
            check("items[" + i + "].", items.get(i));
        }
        // Each item is its own unit of work: the batch spreads over every scoring worker.
        List<String> languages = languages();
        List<ScoreView> results =
                scoring
                        .batch(items.stream()
                                .map(item -> contextOf(item, languages))
                                .toList())
                        .stream()
                        .map(ScoreView::of)
                        .toList();
        return new BatchScoreRequest.BatchScoreView(results);
    }

    private static void check(String prefix, ScoreRequest request) {
        ScoreLimits.checkText(prefix + "text", request.text());
    }

    /** The calling key's site languages: a comment detection cannot place is scored in them. */
    private List<String> languages() {
        return siteLanguages.languages(caller.get().siteId());
    }

    static ScoringContext contextOf(ScoreRequest r, List<String> siteLanguages) {
        Optional<ScoringContext.ArticleText> article = Optional.ofNullable(r.article())
                .filter(a -> (a.title() != null && !a.title().isBlank())
                        || (a.body() != null && !a.body().isBlank()))
                .map(a -> new ScoringContext.ArticleText(a.title(), a.body()));
        Optional<String> parent = Optional.ofNullable(r.parent())
                .map(ScoreRequest.ParentContext::text)
                .filter(t -> !t.isBlank());
        return new ScoringContext(
                r.text(), article, parent, r.languages(), SiteScoringData.languagesOnly(siteLanguages), r.thread());
    }
}

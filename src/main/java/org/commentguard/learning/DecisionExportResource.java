package org.commentguard.learning;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.commentguard.platform.Cursor;
import org.commentguard.platform.Json;
import org.commentguard.platform.Params;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.commentguard.site.SiteRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A site's moderator decisions as labelled examples, for retraining models elsewhere. */
@Path("/api/v1/sites/{id}/decisions")
@Tag(name = "Learning")
@Allow(value = Role.ADMIN, platformAdmin = true)
public class DecisionExportResource {

    public static final String JSONL = "application/x-ndjson";
    static final int MAX_PAGE = 5000;

    private final DecisionExamples examples;
    private final LearningSettings settings;
    private final SiteRegistry sites;
    private final CurrentCaller caller;
    private final Clock clock;

    public DecisionExportResource(
            DecisionExamples examples,
            LearningSettings settings,
            SiteRegistry sites,
            CurrentCaller caller,
            Clock clock) {
        this.examples = examples;
        this.settings = settings;
        this.sites = sites;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/export")
    @Produces({JSONL, "application/problem+json"})
    @Operation(
            summary = "Export the site's labelled examples as JSON Lines, one decision per comment (the latest), "
                    + "in write order; a replaced label moves to the end. Comment text is null (textWithheld: true) for "
                    + "comments older than the site's exportTextDays. The next page's cursor is in X-Next-Cursor (absent on "
                    + "the last page)")
    @APIResponse(
            responseCode = "200",
            description = "One DecisionExamples.Exported object per line",
            headers =
                    @Header(
                            name = "X-Next-Cursor",
                            description = "cursor of the next page",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)),
            content = @Content(mediaType = JSONL, schema = @Schema(implementation = DecisionExamples.Exported.class)))
    public Response export(
            @PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
        Cursor after = Cursor.decode(cursor);
        int n = Params.limit(limit, 500, MAX_PAGE);
        Integer days = settings.effective(id).exportTextDays();
        Instant textSince = days == null ? null : clock.instant().minus(days, ChronoUnit.DAYS);
        List<DecisionExamples.Exported> page =
                examples.export(id, after == null ? 0 : after.sortLong(), n + 1, textSince);
        StringBuilder body = new StringBuilder();
        page.stream().limit(n).forEach(e -> body.append(Json.write(e)).append('\n'));
        Response.ResponseBuilder answer = Response.ok(body.toString(), JSONL);
        if (page.size() > n) {
            DecisionExamples.Exported last = page.get(n - 1);
            answer.header("X-Next-Cursor", new Cursor(Long.toString(last.seq()), last.commentId()).encode());
        }
        return answer.build();
    }
}

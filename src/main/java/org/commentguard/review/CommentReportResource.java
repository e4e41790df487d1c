package org.commentguard.review;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.commentguard.audit.Acting;
import org.commentguard.comment.CommentRequests.ReportRequest;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * What a site reports about one of its comments: a reader's report, or a decision taken in the site's own
 * moderation screen. Both feed the review queue, so they live here, under the comment's path.
 */
@Path("/api/v1/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentReportResource {

    private final ReaderReports reports;
    private final ModeratorActions actions;
    private final CurrentCaller caller;

    public CommentReportResource(ReaderReports reports, ModeratorActions actions, CurrentCaller caller) {
        this.reports = reports;
        this.actions = actions;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/reports")
    @Allow(Role.INGEST)
    @Operation(summary = "Report a comment on behalf of a reader; weighted reports put it back in the queue")
    public Response report(
            @PathParam("id") UUID id, @Valid @NotNull ReportRequest request, @Context HttpServerRequest http) {
        ReaderReports.ReportResult result = reports.report(
                caller.get().site(), id, request.reporterId(), request.reason(), Acting.of(caller.get(), http));
        return Response.status(result.duplicate() ? 200 : 201).entity(result).build();
    }

    @POST
    @Path("/{id}/moderation")
    @Allow(Role.INGEST)
    @Operation(
            summary = "Report a decision made in the site's own moderation screen (approve or reject, with a "
                    + "reason code and the site's user); queued or not, the comment takes that status and the audit log "
                    + "records it")
    public ModeratorActions.SiteDecisionResult moderate(
            @PathParam("id") UUID id,
            @NotNull ModeratorActions.SiteDecision decision,
            @Context HttpServerRequest http) {
        return actions.decideOnSite(caller.get().site(), id, decision, Acting.of(caller.get(), http));
    }
}

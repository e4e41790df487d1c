package org.commentguard.comment;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.commentguard.audit.Acting;
import org.commentguard.comment.CommentRequests.CommentPage;
import org.commentguard.comment.CommentRequests.CommentRequest;
import org.commentguard.comment.CommentRequests.CommentView;
import org.commentguard.comment.CommentRequests.EditRequest;
import org.commentguard.comment.CommentRequests.VerdictView;
import org.commentguard.platform.Params;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Comment ingestion, edits and reads; reader reports and site decisions are the review feature's. */
@Path("/api/v1/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentResource {

    private final CommentIngestion ingestion;
    private final CommentQueries queries;
    private final CurrentCaller caller;

    public CommentResource(CommentIngestion ingestion, CommentQueries queries, CurrentCaller caller) {
        this.ingestion = ingestion;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Allow(Role.INGEST)
    @Operation(
            summary = "Submit a comment: scored, moderated by the site policy and stored. Re-posting the same "
                    + "externalId answers the stored verdict again")
    public Response submit(@Valid @NotNull CommentRequest request, @Context HttpServerRequest http) {
        CommentIngestion.Ingested result =
                ingestion.ingest(caller.get().site(), request, Acting.of(caller.get(), http));
        return Response.created(URI.create("/api/v1/comments/" + result.view().id()))
                .entity(result.view())
                .build();
    }

    @GET
    @Path("/{id}")
    @Allow({Role.INGEST, Role.MODERATOR})
    @Operation(summary = "Read a comment with its scores, spans, reasons and models")
    public CommentView get(@PathParam("id") UUID id) {
        return queries.get(caller.get().site(), id);
    }

    @GET
    @Allow({Role.INGEST, Role.MODERATOR})
    @Operation(summary = "List comments, newest first, by article and status, with cursor pagination")
    public CommentPage list(
            @QueryParam("article") String article,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return queries.list(
                caller.get().site(),
                article,
                Params.enumValue("status", status, CommentStatus.class),
                cursor,
                Params.limit(limit, 50, CommentQueries.MAX_PAGE));
    }

    @PUT
    @Path("/{id}")
    @Allow(Role.INGEST)
    @Operation(summary = "Edit a comment's text: it is re-scored and re-moderated")
    public VerdictView edit(
            @PathParam("id") UUID id, @Valid @NotNull EditRequest request, @Context HttpServerRequest http) {
        return ingestion.edit(caller.get().site(), id, request.text(), Acting.of(caller.get(), http));
    }
}

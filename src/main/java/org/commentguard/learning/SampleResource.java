package org.commentguard.learning;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.audit.Acting;
import org.commentguard.platform.Cursor;
import org.commentguard.platform.Params;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/**
 * The blind quality sample queue. Items carry the comment and its context only: no scores, reasons, status or
 * automatic verdict, so the moderator's decision is independent of what the service concluded.
 */
@Path("/api/v1/samples")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Blind quality sample")
@Allow(Role.MODERATOR)
public class SampleResource {

    private final QualitySamples samples;
    private final CurrentCaller caller;

    public SampleResource(QualitySamples samples, CurrentCaller caller) {
        this.samples = samples;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "List undecided sample items, oldest first, with cursor pagination; items show the comment "
                    + "text, article title and parent text, never scores, reasons or status")
    public QualitySamples.Page list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Cursor c = Cursor.decode(cursor);
        Instant after;
        try {
            after = c == null ? null : Instant.parse(c.sortValue());
        } catch (RuntimeException e) {
            throw new LearningExceptions.InvalidLearningInput("cursor", "is not a cursor returned by this endpoint");
        }
        return samples.open(
                caller.get().site(),
                after,
                c == null ? null : c.id(),
                Params.limit(limit, 25, QualitySamples.MAX_PAGE));
    }

    @GET
    @Path("/{itemId}")
    @Operation(summary = "Read one sample item (no scores, reasons or status)")
    public QualitySamples.SampleView get(@PathParam("itemId") UUID itemId) {
        return samples.get(caller.get().site(), itemId);
    }

    @POST
    @Path("/{itemId}/decision")
    @Operation(
            summary = "Decide a sample item blind: approve or reject, optional reason code. The comment's status "
                    + "changes only with applyToComment: true; 409 already_decided")
    public QualitySamples.SampleView decide(
            @PathParam("itemId") UUID itemId,
            @NotNull QualitySamples.SampleDecision decision,
            @Context HttpServerRequest http) {
        return samples.decide(caller.get().site(), itemId, decision, Acting.of(caller.get(), http));
    }
}

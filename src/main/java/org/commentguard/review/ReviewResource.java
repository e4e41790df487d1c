package org.commentguard.review;

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
import jakarta.ws.rs.core.Response;
import org.commentguard.audit.Acting;
import org.commentguard.platform.Params;
import org.commentguard.platform.error.FailureStatus;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The review queue for moderators: list, claim, release, decide, undo. */
@Path("/api/v1/queue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review queue")
@Allow(Role.MODERATOR)
public class ReviewResource {

    private final ReviewQueue queue;
    private final ModeratorActions actions;
    private final CurrentCaller caller;

    public ReviewResource(ReviewQueue queue, ModeratorActions actions, CurrentCaller caller) {
        this.queue = queue;
        this.actions = actions;
        this.caller = caller;
    }

    public record Decision(String action, String reason, String note) {}

    public record BulkDecisions(List<ModeratorActions.DecisionRequest> decisions) {}

    public record BulkAnswer(List<BulkResult> results) {}

    /** One line of a bulk answer: the item view (status 200), or the problem that stopped that item. */
    public record BulkResult(UUID itemId, int status, String code, String detail, ReviewViews.ItemView item) {

        static BulkResult of(ModeratorActions.BulkOutcome o) {
            return o.failure() == null
                    ? new BulkResult(o.itemId(), 200, null, null, o.item())
                    : new BulkResult(
                            o.itemId(),
                            FailureStatus.of(o.failure()),
                            o.failure().code(),
                            o.failure().getMessage(),
                            null);
        }
    }

    @GET
    @Operation(
            summary = "List queue items with filters (status, reason, article, author, score range), sorted by "
                    + "priority, oldest or newest, with cursor pagination")
    public ReviewQueue.Page list(
            @QueryParam("status") String status,
            @QueryParam("reason") String reason,
            @QueryParam("article") String article,
            @QueryParam("author") String author,
            @QueryParam("attribute") String attribute,
            @QueryParam("minScore") String minScore,
            @QueryParam("maxScore") String maxScore,
            @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        ReviewQueue.Sort order = sort == null || sort.isBlank()
                ? ReviewQueue.Sort.PRIORITY
                : Params.enumValue("sort", sort, ReviewQueue.Sort.class);
        return queue.list(
                caller.get().site(),
                new ReviewQueue.Filter(
                        blank(status),
                        blank(reason),
                        blank(article),
                        blank(author),
                        blank(attribute),
                        Params.score("minScore", minScore),
                        Params.score("maxScore", maxScore)),
                order,
                cursor,
                Params.limit(limit, 25, ReviewQueue.MAX_PAGE));
    }

    @GET
    @Path("/{itemId}")
    @Operation(summary = "Read one queue item with its comment, evidence, article, parent and author history")
    public ReviewViews.ItemView get(@PathParam("itemId") UUID itemId) {
        return queue.get(caller.get().site(), itemId);
    }

    @POST
    @Path("/claim")
    @Operation(summary = "Claim the highest-priority unclaimed item (204 when the queue is empty)")
    public Response claimNext(@Context HttpServerRequest http) {
        return queue.claimNext(caller.get().site(), Acting.of(caller.get(), http))
                .map(item -> Response.ok(item).build())
                .orElse(Response.noContent().build());
    }

    @POST
    @Path("/{itemId}/claim")
    @Operation(summary = "Claim one item; 409 already_claimed when another moderator holds it")
    public ReviewViews.ItemView claim(@PathParam("itemId") UUID itemId, @Context HttpServerRequest http) {
        return queue.claim(caller.get().site(), itemId, Acting.of(caller.get(), http));
    }

    @POST
    @Path("/{itemId}/release")
    @Operation(summary = "Release your claim on an item")
    public ReviewViews.ItemView release(@PathParam("itemId") UUID itemId, @Context HttpServerRequest http) {
        return queue.release(caller.get().site(), itemId, Acting.of(caller.get(), http));
    }

    @POST
    @Path("/{itemId}/decision")
    @Operation(summary = "Approve, reject or escalate an item, with a reason code and an optional note")
    public ReviewViews.ItemView decide(
            @PathParam("itemId") UUID itemId, @NotNull Decision decision, @Context HttpServerRequest http) {
        return actions.decide(
                caller.get().site(),
                itemId,
                new ModeratorActions.DecisionRequest(itemId, decision.action(), decision.reason(), decision.note()),
                Acting.of(caller.get(), http));
    }

    @POST
    @Path("/decisions")
    @Operation(summary = "Decide up to 100 items; each succeeds or fails on its own")
    public BulkAnswer decideAll(@NotNull BulkDecisions request, @Context HttpServerRequest http) {
        return new BulkAnswer(
                actions.decideAll(caller.get().site(), request.decisions(), Acting.of(caller.get(), http)).stream()
                        .map(BulkResult::of)
                        .toList());
    }

    @POST
    @Path("/{itemId}/undo")
    @Operation(summary = "Undo your decision within the undo window")
    public ReviewViews.ItemView undo(@PathParam("itemId") UUID itemId, @Context HttpServerRequest http) {
        return actions.undo(caller.get().site(), itemId, Acting.of(caller.get(), http));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

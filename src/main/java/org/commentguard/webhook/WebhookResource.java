package org.commentguard.webhook;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Webhook endpoints of the caller's site and their delivery log. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@Allow(Role.ADMIN)
public class WebhookResource {

    private final Webhooks webhooks;
    private final CurrentCaller caller;

    public WebhookResource(Webhooks webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    public record CreateWebhookRequest(String url, List<String> eventTypes) {}

    public record EndpointView(
            UUID id,
            String url,
            List<String> eventTypes,
            boolean active,
            boolean deleted,
            int consecutiveFailures,
            Instant disabledAt,
            String disabledReason,
            Instant createdAt) {
        static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(
                    e.id,
                    e.url,
                    e.eventTypes(),
                    e.active,
                    e.retiredAt != null,
                    e.consecutiveFailures,
                    e.disabledAt,
                    e.disabledReason,
                    e.createdAt);
        }
    }

    /** The answer to registration: the only time the signing secret is shown. */
    public record CreatedView(EndpointView endpoint, String secret) {}

    public record DeliveryView(
            UUID id,
            UUID eventId,
            String eventType,
            String status,
            int attempts,
            Instant nextAttemptAt,
            Instant lastAttemptAt,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(
                    d.id,
                    d.eventId,
                    d.eventType,
                    d.status.name(),
                    d.attempts,
                    d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null,
                    d.lastAttemptAt,
                    d.lastStatus,
                    d.lastError,
                    d.createdAt,
                    d.deliveredAt);
        }
    }

    @POST
    @Operation(summary = "Register an endpoint; the answer carries the signing secret, shown this once")
    public Response create(@NotNull CreateWebhookRequest request, @Context HttpServerRequest http) {
        Webhooks.Registered r = webhooks.register(
                caller.get().site(), request.url(), request.eventTypes(), Acting.of(caller.get(), http));
        return Response.created(URI.create("/api/v1/webhooks/" + r.endpoint().id))
                .entity(new CreatedView(EndpointView.of(r.endpoint()), r.secret()))
                .build();
    }

    @GET
    @Operation(summary = "List the site's endpoints (never their secrets)")
    public List<EndpointView> list() {
        return webhooks.list(caller.get().site()).stream().map(EndpointView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an endpoint")
    public EndpointView get(@PathParam("id") UUID id) {
        return EndpointView.of(webhooks.get(caller.get().site(), id));
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Re-enable an endpoint disabled after failures; waiting deliveries resume")
    public EndpointView enable(@PathParam("id") UUID id, @Context HttpServerRequest http) {
        return EndpointView.of(webhooks.enable(caller.get().site(), id, Acting.of(caller.get(), http)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an endpoint; nothing more is queued for it or delivered to it")
    public EndpointView delete(@PathParam("id") UUID id, @Context HttpServerRequest http) {
        return EndpointView.of(webhooks.delete(caller.get().site(), id, Acting.of(caller.get(), http)));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("limit") Integer limit) {
        return webhooks.deliveries(caller.get().site(), id, Params.limit(limit, 100, 500)).stream()
                .map(DeliveryView::of)
                .toList();
    }
}

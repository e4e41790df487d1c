package org.commentguard.integration.coral;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.commentguard.audit.Acting;
import org.commentguard.integration.coral.CoralRequests.IntegrationRequest;
import org.commentguard.integration.coral.CoralRequests.IntegrationView;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.commentguard.site.SiteRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A site's Coral phase settings: which Coral tenant it answers for and the signing secrets to check. */
@Path("/api/v1/sites/{id}/integrations/coral")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Coral Talk")
@Allow(value = Role.ADMIN, platformAdmin = true)
public class CoralIntegrationResource {

    private final CoralIntegrations integrations;
    private final SiteRegistry sites;
    private final CurrentCaller caller;

    public CoralIntegrationResource(CoralIntegrations integrations, SiteRegistry sites, CurrentCaller caller) {
        this.integrations = integrations;
        this.sites = sites;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Read the site's Coral integration (secrets only by fingerprint)")
    public IntegrationView get(@PathParam("id") UUID id) {
        check(id);
        return integrations.get(id);
    }

    @PUT
    @Operation(summary = "Set the Coral tenant, body format and every signing secret of the phase (replaces them)")
    public IntegrationView put(@PathParam("id") UUID id, IntegrationRequest request, @Context HttpServerRequest http) {
        check(id);
        return integrations.configure(id, request, Acting.of(caller.get(), http));
    }

    @DELETE
    @Operation(summary = "Remove the integration: Coral's requests for this site are refused from now on")
    public Response delete(@PathParam("id") UUID id, @Context HttpServerRequest http) {
        check(id);
        integrations.remove(id, Acting.of(caller.get(), http));
        return Response.noContent().build();
    }

    private void check(UUID id) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
    }
}

package org.commentguard.learning;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.audit.Acting;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.commentguard.site.SiteRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.UUID;

/** The model versions a site runs and has accepted, and accepting the running ones (commentguard.models.shadow). */
@Path("/api/v1/sites/{id}/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
@Allow(value = Role.ADMIN, platformAdmin = true)
public class ModelAcceptanceResource {

    private final ModelAcceptance acceptance;
    private final SiteRegistry sites;
    private final CurrentCaller caller;

    public ModelAcceptanceResource(ModelAcceptance acceptance, SiteRegistry sites, CurrentCaller caller) {
        this.acceptance = acceptance;
        this.sites = sites;
        this.caller = caller;
    }

    /** @param versions exactly the running versions as {@code GET} answered them, model by scorer (and stage) */
    public record AcceptRequest(Map<String, String> versions) {}

    @GET
    @Operation(
            summary = "The model versions the service runs and those the site accepted, whether shadow is on and "
                    + "the running versions wait for acceptance (then every automatic verdict of the site is queued "
                    + "with reason models.in_shadow), and the re-scoring report for the running versions, if any")
    public ModelAcceptance.ModelsView get(@PathParam("id") UUID id) {
        check(id);
        return acceptance.view(id);
    }

    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Accept the running model versions for the site (audited as models.accepted); the body names "
                    + "them exactly as GET answered them, 409 versions_changed when they are not the running ones")
    public ModelAcceptance.ModelsView accept(
            @PathParam("id") UUID id, @NotNull AcceptRequest request, @Context HttpServerRequest http) {
        check(id);
        return acceptance.accept(id, request.versions(), Acting.of(caller.get(), http));
    }

    private void check(UUID id) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
    }
}

package org.commentguard.learning;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

import java.util.UUID;

/** A site's learning settings: the enabled verdict model and its thresholds, the blind sample, the monitor. */
@Path("/api/v1/sites/{id}/learning")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
@Allow(value = Role.ADMIN, platformAdmin = true)
public class LearningSettingsResource {

    private final LearningSettings settings;
    private final SiteRegistry sites;
    private final CurrentCaller caller;

    public LearningSettingsResource(LearningSettings settings, SiteRegistry sites, CurrentCaller caller) {
        this.settings = settings;
        this.sites = sites;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Read the site's learning overrides and the settings in force")
    public LearningSettings.View get(@PathParam("id") UUID id) {
        check(id);
        return settings.view(id);
    }

    @PUT
    @Operation(
            summary = "Replace the site's learning overrides (fields left out use the service defaults). "
                    + "enabledModelVersion turns the site verdict model on as attribute site_reject: it queues from "
                    + "siteRejectReview and rejects only from siteRejectReject (default 1.01: never)")
    public LearningSettings.View put(
            @PathParam("id") UUID id, @NotNull LearningSettings.Overrides overrides, @Context HttpServerRequest http) {
        check(id);
        return settings.replace(id, overrides, Acting.of(caller.get(), http));
    }

    private void check(UUID id) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
    }
}

package org.commentguard.quota;

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

/**
 * A site's quotas. Its admins may read them; only the platform administrator sets them, since a tenant that could
 * raise its own limits would not be limited.
 */
@Path("/api/v1/sites/{id}/quota")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas")
public class QuotaResource {

    private final SiteQuotas quotas;
    private final SiteRegistry sites;
    private final CurrentCaller caller;

    public QuotaResource(SiteQuotas quotas, SiteRegistry sites, CurrentCaller caller) {
        this.quotas = quotas;
        this.sites = sites;
        this.caller = caller;
    }

    /** The stored overrides, the limits in force (defaults merged in), and the scope they are counted in. */
    public record QuotaView(UUID siteId, QuotaOverrides overrides, QuotaLimits effective, String scope) {
        static QuotaView of(UUID siteId, SiteQuotas.StoredQuota q) {
            return new QuotaView(siteId, q.overrides(), q.effective(), "instance");
        }
    }

    @GET
    @Allow(value = Role.ADMIN, platformAdmin = true)
    @Operation(summary = "Read the site's quotas: overrides and the limits in force on each instance")
    public QuotaView get(@PathParam("id") UUID id) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
        return QuotaView.of(id, quotas.current(id));
    }

    @PUT
    @Allow(platformAdmin = true)
    @Operation(
            summary = "Replace the site's quota overrides (platform administrator only; fields left out use the "
                    + "service defaults)")
    public QuotaView put(@PathParam("id") UUID id, @NotNull QuotaOverrides overrides, @Context HttpServerRequest http) {
        sites.get(id);
        return QuotaView.of(id, quotas.replace(id, overrides, Acting.of(caller.get(), http)));
    }
}

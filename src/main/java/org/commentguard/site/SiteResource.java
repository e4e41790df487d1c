package org.commentguard.site;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.commentguard.site.SiteRequests.CreateKeyRequest;
import org.commentguard.site.SiteRequests.CreateSiteRequest;
import org.commentguard.site.SiteRequests.CreatedSiteView;
import org.commentguard.site.SiteRequests.IssuedKeyView;
import org.commentguard.site.SiteRequests.KeyView;
import org.commentguard.site.SiteRequests.SiteView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Sites (tenants) and their API keys. */
@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites and keys")
public class SiteResource {

    private final SiteRegistry sites;
    private final ApiKeys keys;
    private final CurrentCaller caller;

    public SiteResource(SiteRegistry sites, ApiKeys keys, CurrentCaller caller) {
        this.sites = sites;
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Allow(platformAdmin = true)
    @Operation(summary = "Create a site and its first admin key (platform administrator only)")
    public Response create(@Valid @NotNull CreateSiteRequest request) {
        SiteRegistry.CreatedSite created = sites.create(request.name(), request.url());
        return Response.created(URI.create("/api/v1/sites/" + created.site().id))
                .entity(new CreatedSiteView(SiteView.of(created.site()), IssuedKeyView.of(created.adminKey())))
                .build();
    }

    @GET
    @Path("/{id}")
    @Allow(value = Role.ADMIN, platformAdmin = true)
    @Operation(summary = "Read a site")
    public SiteView get(@PathParam("id") UUID id) {
        caller.get().requireSiteAdmin(id);
        return SiteView.of(sites.get(id));
    }

    @POST
    @Path("/{id}/keys")
    @Allow(value = Role.ADMIN, platformAdmin = true)
    @Operation(summary = "Issue an API key; the secret is in this answer and never again")
    public Response issueKey(@PathParam("id") UUID id, @Valid @NotNull CreateKeyRequest request) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
        IssuedKeyView issued =
                IssuedKeyView.of(keys.issue(id, request.role(), request.label().strip()));
        return Response.created(URI.create("/api/v1/sites/" + id + "/keys/" + issued.id()))
                .entity(issued)
                .build();
    }

    @GET
    @Path("/{id}/keys")
    @Allow(value = Role.ADMIN, platformAdmin = true)
    @Operation(summary = "List a site's keys (without secrets)")
    public List<KeyView> listKeys(@PathParam("id") UUID id) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
        return keys.list(id).stream().map(KeyView::of).toList();
    }

    @DELETE
    @Path("/{id}/keys/{keyId}")
    @Allow(value = Role.ADMIN, platformAdmin = true)
    @Operation(
            summary = "Revoke a key",
            description = "It stops working at once on the instance that revoked it, and within "
                    + "commentguard.api-keys.cache-ttl (default 2 s) on other instances of the same database")
    public KeyView revokeKey(@PathParam("id") UUID id, @PathParam("keyId") UUID keyId) {
        caller.get().requireSiteAdmin(id);
        return KeyView.of(keys.revoke(id, keyId));
    }
}

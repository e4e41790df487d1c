package org.commentguard.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.platform.error.ApiProblem;
import org.commentguard.site.Allow;
import org.commentguard.site.Caller;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.commentguard.site.Site;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Who the presented key is: its site and role. The console calls it to check a pasted key and to know which site's
 * admin pages to show; it reveals nothing the key holder could not already read.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class MeResource {

    private final CurrentCaller caller;

    public MeResource(CurrentCaller caller) {
        this.caller = caller;
    }

    /** The caller's key: its site, role and label (never the secret). */
    public record MeView(UUID siteId, String siteName, String role, String label, UUID keyId) {}

    @GET
    @Allow(value = {Role.INGEST, Role.MODERATOR, Role.ADMIN})
    @Operation(summary = "The calling key's site, role and label")
    public MeView me() {
        Caller c = caller.get();
        UUID siteId = c.site();
        Site site = Site.byId(siteId).orElseThrow(() -> ApiProblem.notFound("Site " + siteId));
        return new MeView(
                siteId,
                site.name,
                c.role().orElseThrow().name().toLowerCase(),
                c.label(),
                c.keyId().orElseThrow());
    }
}

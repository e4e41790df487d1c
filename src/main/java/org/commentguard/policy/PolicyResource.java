package org.commentguard.policy;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.audit.Acting;
import org.commentguard.platform.error.ApiProblem;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.commentguard.site.SiteRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A site's moderation policy: read, replace, and try out a proposal on recent comments. */
@Path("/api/v1/sites/{id}/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Site policy")
@Allow(value = Role.ADMIN, platformAdmin = true)
public class PolicyResource {

    private final SitePolicies policies;
    private final PolicyDryRun dryRun;
    private final SiteRegistry sites;
    private final CurrentCaller caller;

    public PolicyResource(SitePolicies policies, PolicyDryRun dryRun, SiteRegistry sites, CurrentCaller caller) {
        this.policies = policies;
        this.dryRun = dryRun;
        this.sites = sites;
        this.caller = caller;
    }

    /** The stored overrides, the policy in force (defaults merged in) and its version. */
    public record PolicyView(UUID siteId, int version, PolicyOverrides overrides, SitePolicy effective) {}

    public record DryRunRequest(PolicyOverrides policy, Integer limit) {}

    @GET
    @Operation(summary = "Read the site's policy: overrides, effective policy and version")
    public PolicyView get(@PathParam("id") UUID id) {
        check(id);
        SitePolicies.StoredPolicy p = policies.current(id);
        return new PolicyView(id, p.version(), p.overrides(), p.effective());
    }

    @PUT
    @Operation(
            summary = "Replace the site's overrides; creates a new policy version (fields left out use the "
                    + "service defaults)")
    public PolicyView put(
            @PathParam("id") UUID id, @NotNull PolicyOverrides overrides, @Context HttpServerRequest http) {
        check(id);
        SitePolicies.StoredPolicy p = policies.replace(id, overrides, Acting.of(caller.get(), http));
        return new PolicyView(id, p.version(), p.overrides(), p.effective());
    }

    @POST
    @Path("/dry-run")
    @Operation(summary = "Re-run a proposed policy over the last N stored comments and report changed verdicts")
    public PolicyDryRun.Report dryRun(@PathParam("id") UUID id, @NotNull DryRunRequest request) {
        check(id);
        int limit = request.limit() == null ? 200 : request.limit();
        if (limit < 1 || limit > PolicyDryRun.MAX_COMMENTS) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + PolicyDryRun.MAX_COMMENTS);
        }
        return dryRun.run(id, request.policy() == null ? PolicyOverrides.NONE : request.policy(), limit);
    }

    private void check(UUID id) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
    }
}

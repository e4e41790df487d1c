package org.commentguard.learning;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.commentguard.site.SiteRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Re-scoring reports after model changes. */
@Path("/api/v1/sites/{id}/rescoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
@Allow(value = Role.ADMIN, platformAdmin = true)
public class RescoringResource {

    static final int MAX_JOBS = 10;

    private final ModelRescoring rescoring;
    private final SiteRegistry sites;
    private final CurrentCaller caller;

    public RescoringResource(ModelRescoring rescoring, SiteRegistry sites, CurrentCaller caller) {
        this.rescoring = rescoring;
        this.sites = sites;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary =
                    "The site's re-scoring jobs after model changes, newest first: model versions before and "
                            + "after, progress (state running or done) and the verdict-flip report in the shape of the policy dry run")
    public List<ModelRescoring.JobView> list(@PathParam("id") UUID id) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
        return rescoring.jobs(id, MAX_JOBS);
    }
}

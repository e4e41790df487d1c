package org.commentguard.learning;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.commentguard.site.SiteRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Threshold advice from the site's own recent comments and moderator decisions. */
@Path("/api/v1/sites/{id}/policy/advice")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Site policy")
@Allow(value = Role.ADMIN, platformAdmin = true)
public class PolicyAdviceResource {

    private final PolicyAdvice advice;
    private final SiteRegistry sites;
    private final CurrentCaller caller;

    public PolicyAdviceResource(PolicyAdvice advice, SiteRegistry sites, CurrentCaller caller) {
        this.advice = advice;
        this.sites = sites;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "Per attribute, a table over thresholds (0.05 to 1 and the current ones) of how many of the "
                    + "last N days' comments would have been published, queued and rejected, how many of those moderators "
                    + "decided the other way, and the precision and recall implied; with the current thresholds and one "
                    + "recommended change with its evidence (or why there is none)")
    public PolicyAdvice.Advice get(
            @PathParam("id") UUID id, @QueryParam("days") Integer days, @QueryParam("attribute") String attribute) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
        int d = days == null ? 30 : days;
        if (d < 1 || d > 366) {
            throw new LearningExceptions.InvalidLearningInput("days", "must be between 1 and 366");
        }
        return advice.advise(id, d, attribute == null || attribute.isBlank() ? null : attribute.strip());
    }
}

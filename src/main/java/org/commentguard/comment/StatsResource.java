package org.commentguard.comment;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.platform.error.ApiProblem;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Moderation figures of the caller's site. */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stats")
@Allow(Role.MODERATOR)
public class StatsResource {

    private final ModerationStats stats;
    private final CurrentCaller caller;

    public StatsResource(ModerationStats stats, CurrentCaller caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Verdicts per day, queue depth, median time to decision and reversal rate")
    public ModerationStats.Stats get(@QueryParam("days") Integer days) {
        int d = days == null ? 30 : days;
        if (d < 1 || d > 366) {
            throw ApiProblem.invalid("days", "must be between 1 and 366");
        }
        return stats.of(caller.get().site(), d);
    }
}

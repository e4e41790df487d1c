package org.commentguard.learning;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the caller's site learns from its moderators: blind-sample quality and the identity-term monitor. */
@Path("/api/v1/stats/learning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stats")
@Allow(Role.MODERATOR)
public class LearningStatsResource {

    static final int MAX_WEEKS = 52;

    private final QualitySamples samples;
    private final IdentityMonitor monitor;
    private final CurrentCaller caller;

    public LearningStatsResource(QualitySamples samples, IdentityMonitor monitor, CurrentCaller caller) {
        this.samples = samples;
        this.monitor = monitor;
        this.caller = caller;
    }

    @GET
    @Path("/samples")
    @Operation(
            summary = "Per week (Monday, UTC): estimated precision and recall of the automatic verdicts from "
                    + "blind-sample decisions, with 95 % Wilson intervals")
    public QualitySamples.Quality samples(@QueryParam("weeks") Integer weeks) {
        return samples.quality(caller.get().site(), weeks(weeks));
    }

    @GET
    @Path("/identity-terms")
    @Operation(
            summary = "Per week and identity term: mentions, flag rate, and the rate at which moderators "
                    + "overturned those flags (95 % Wilson interval), with the alerts above the site's overturn limit")
    public IdentityMonitor.Report identityTerms(@QueryParam("weeks") Integer weeks) {
        return monitor.report(caller.get().site(), weeks(weeks));
    }

    private static int weeks(Integer weeks) {
        int w = weeks == null ? 8 : weeks;
        if (w < 1 || w > MAX_WEEKS) {
            throw new LearningExceptions.InvalidLearningInput("weeks", "must be between 1 and " + MAX_WEEKS);
        }
        return w;
    }
}

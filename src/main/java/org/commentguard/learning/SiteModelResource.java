package org.commentguard.learning;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.commentguard.audit.Acting;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.commentguard.site.SiteRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** A site's verdict models: fit one now, list the versions with their held-out figures. */
@Path("/api/v1/sites/{id}/site-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
@Allow(value = Role.ADMIN, platformAdmin = true)
public class SiteModelResource {

    static final int MAX_VERSIONS = 50;

    private final SiteVerdicts verdicts;
    private final DecisionExamples examples;
    private final LearningSettings settings;
    private final SiteRegistry sites;
    private final CurrentCaller caller;

    public SiteModelResource(
            SiteVerdicts verdicts,
            DecisionExamples examples,
            LearningSettings settings,
            SiteRegistry sites,
            CurrentCaller caller) {
        this.verdicts = verdicts;
        this.examples = examples;
        this.settings = settings;
        this.sites = sites;
        this.caller = caller;
    }

    /** What a fit needs and what the site has. */
    public record Bar(
            int minDecisions, int minPerOutcome, int decisions, int approved, int rejected, boolean reached) {}

    /**
     * @param enabledVersion the version the policy uses as attribute site_reject (enable one with PUT
     *                       /api/v1/sites/{id}/learning, field enabledModelVersion); null: none
     * @param versions       newest first, each with precision and recall on the site's held-out decisions
     */
    public record SiteModels(
            UUID siteId,
            Integer enabledVersion,
            double reviewFrom,
            double rejectFrom,
            Bar bar,
            List<SiteVerdicts.ModelView> versions) {}

    @GET
    @Operation(
            summary = "List the site's verdict model versions with their held-out precision and recall, the "
                    + "enabled version and the decisions a fit needs")
    public SiteModels get(@PathParam("id") UUID id) {
        check(id);
        LearningConfig.Fit fit = settings.config().fit();
        DecisionExamples.Counts c = examples.counts(id);
        LearningSettings.Effective s = settings.effective(id);
        return new SiteModels(
                id,
                s.enabledModelVersion(),
                s.siteRejectReview(),
                s.siteRejectReject(),
                new Bar(
                        fit.minDecisions(),
                        fit.minPerOutcome(),
                        c.total(),
                        c.approved(),
                        c.rejected(),
                        c.total() >= fit.minDecisions()
                                && c.approved() >= fit.minPerOutcome()
                                && c.rejected() >= fit.minPerOutcome()),
                verdicts.list(id, MAX_VERSIONS));
    }

    @POST
    @Path("/fit")
    @Operation(
            summary = "Fit the next verdict model version on the site's own decisions now (201). It is not used "
                    + "until an admin enables it; 409 not_enough_decisions below the bar")
    public Response fit(@PathParam("id") UUID id, @Context HttpServerRequest http) {
        check(id);
        return Response.status(201)
                .entity(verdicts.fit(id, Acting.of(caller.get(), http)))
                .build();
    }

    private void check(UUID id) {
        caller.get().requireSiteAdmin(id);
        sites.get(id);
    }
}

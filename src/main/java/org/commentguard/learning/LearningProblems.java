package org.commentguard.learning;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.commentguard.platform.error.ApiProblem;
import org.commentguard.platform.error.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The one place where learning's domain exceptions become problem+json answers with stable codes. */
public class LearningProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalid(LearningExceptions.InvalidLearningInput e, HttpServerRequest request) {
        return problems.apiProblem(ApiProblem.invalid(e.field, e.problem), request);
    }

    @ServerExceptionMapper
    public Response notEnough(LearningExceptions.NotEnoughDecisions e, HttpServerRequest request) {
        return problems.apiProblem(ApiProblem.conflict("not_enough_decisions", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response unknownModel(LearningExceptions.UnknownSiteModel e, HttpServerRequest request) {
        return problems.apiProblem(new ApiProblem(404, "unknown_site_model", "Not found", e.getMessage(), List.of()),
                request);
    }

    @ServerExceptionMapper
    public Response sampleNotFound(LearningExceptions.SampleItemNotFound e,
                                   HttpServerRequest request) {
        return problems.apiProblem(new ApiProblem(404, "not_found", "Not found", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response sampleDecided(LearningExceptions.SampleAlreadyDecided e,
                                  HttpServerRequest request) {
        return problems.apiProblem(ApiProblem.conflict("already_decided", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response raced(LearningExceptions.ConcurrentLearningChange e, HttpServerRequest request) {
        return problems.apiProblem(ApiProblem.conflict("learning_changed", e.getMessage()), request);
    }
}

package org.commentguard.quota;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.commentguard.platform.error.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers refused requests like every other {@code Failure} (problem+json, or Google's error shape with
 * {@code RESOURCE_EXHAUSTED} / {@code UNAVAILABLE} on {@code /v1alpha1/}), plus the {@code Retry-After} header.
 */
public class AdmissionProblems {

    private final ProblemMappers problems;

    public AdmissionProblems(ProblemMappers problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response refused(AdmissionRefusedException e, HttpServerRequest request) {
        return Response.fromResponse(problems.failure(e, request))
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .build();
    }
}

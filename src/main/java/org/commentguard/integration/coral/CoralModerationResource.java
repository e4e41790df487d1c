package org.commentguard.integration.coral;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.commentguard.platform.error.RequestIds;
import org.commentguard.site.NoApiKey;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/** The URL to enter as a Coral External Moderation Phase's "Callback URL". */
@Path("/integrations/coral/v1")
@Tag(name = "Coral Talk")
public class CoralModerationResource {

    static final String SIGNATURE_HEADER = "X-Coral-Signature";

    private final CoralModeration moderation;

    public CoralModerationResource(CoralModeration moderation) {
        this.moderation = moderation;
    }

    /** The body is read as bytes: the signature covers them exactly as Coral serialised them. */
    @POST
    @Path("/moderate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @NoApiKey("Coral signs each request with the phase's signing secrets (X-Coral-Signature), checked against the "
            + "secrets configured for the site before anything is read or stored")
    @Operation(
            summary = "Coral Talk External Moderation Phase: moderates one comment; 204 when Commentguard has no "
                    + "objection, else Coral's status and FLAG actions")
    public Response moderate(
            byte[] body, @HeaderParam(SIGNATURE_HEADER) String signature, @Context HttpServerRequest http)
            throws IOException {
        return moderation
                .moderate(body, signature, RequestIds.of(http))
                .map(answer -> Response.ok(answer).build())
                .orElseGet(() -> Response.noContent().build());
    }
}

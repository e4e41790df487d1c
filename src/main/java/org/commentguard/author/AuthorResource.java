package org.commentguard.author;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.audit.Acting;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Authors by the site's own user id: history, trust and sanctions. */
@Path("/api/v1/authors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authors")
@Allow(Role.MODERATOR)
public class AuthorResource {

    private final AuthorSanctions authors;
    private final CurrentCaller caller;

    public AuthorResource(AuthorSanctions authors, CurrentCaller caller) {
        this.authors = authors;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An author's history counts, trust and sanctions")
    public AuthorSanctions.AuthorView get(@PathParam("id") String id) {
        return authors.get(caller.get().site(), id);
    }

    @POST
    @Path("/{id}")
    @Operation(
            summary = "Sanction an author: ban, unban, suspend (until), unsuspend, premoderate, unpremoderate, "
                    + "trust, untrust, lift; a reason is required")
    public AuthorSanctions.AuthorView sanction(
            @PathParam("id") String id,
            @NotNull AuthorSanctions.SanctionRequest request,
            @Context HttpServerRequest http) {
        return authors.sanction(caller.get().site(), id, request, Acting.of(caller.get(), http));
    }
}

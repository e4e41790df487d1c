package org.commentguard.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.commentguard.article.ArticleRequests.ArticleRequest;
import org.commentguard.article.ArticleRequests.ArticleView;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Article registration: comments are scored against their article. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private final ArticleRegistry articles;
    private final CurrentCaller caller;

    public ArticleResource(ArticleRegistry articles, CurrentCaller caller) {
        this.articles = articles;
        this.caller = caller;
    }

    @PUT
    @Path("/{externalId}")
    @Allow(Role.INGEST)
    @Operation(summary = "Register or update an article (201 when new, 200 when updated)")
    public Response put(@PathParam("externalId") String externalId, @Valid @NotNull ArticleRequest request) {
        ArticleRegistry.Upserted result = articles.upsert(caller.get().site(), externalId, request);
        return Response.status(result.created() ? 201 : 200)
                .entity(ArticleView.of(result.article()))
                .build();
    }

    @GET
    @Path("/{externalId}")
    @Allow({Role.INGEST, Role.MODERATOR})
    @Operation(summary = "Read an article with its clean text")
    public ArticleView get(@PathParam("externalId") String externalId) {
        return ArticleView.of(articles.get(caller.get().site(), externalId));
    }
}

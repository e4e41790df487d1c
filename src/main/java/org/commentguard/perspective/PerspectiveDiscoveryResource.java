package org.commentguard.perspective;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.platform.error.ApiProblem;
import org.commentguard.site.NoApiKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Perspective's API discovery document, so Google's own client library works by changing one URL:
 * {@code googleapiclient.discovery.build("commentanalyzer", "v1alpha1", developerKey=KEY,
 * discoveryServiceUrl="https://<commentguard>/$discovery/rest?version=v1alpha1")}. Its {@code rootUrl} is where the
 * client then sends {@code comments.analyze} and {@code comments.suggestscore}: {@code commentguard.public-url} when
 * set, else the URL this request reached, as Quarkus sees it (forwarded headers count only when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is enabled for a trusted proxy, so a client cannot redirect
 * others by sending them).
 */
@Path("/$discovery/rest")
@Tag(name = "Perspective compatibility")
@Startup
public class PerspectiveDiscoveryResource {

    static final String VERSION = "v1alpha1";

    private final Optional<String> publicUrl;
    private final ObjectNode document;

    public PerspectiveDiscoveryResource(
            ObjectMapper mapper, @ConfigProperty(name = "commentguard.public-url") Optional<String> publicUrl) {
        // Checked here, at start-up: a bad value would otherwise send every client somewhere wrong.
        this.publicUrl = publicUrl.filter(u -> !u.isBlank()).map(PerspectiveDiscoveryResource::rootOf);
        try (InputStream in = getClass().getResourceAsStream("discovery-" + VERSION + ".json")) {
            ObjectNode doc = (ObjectNode) mapper.readTree(in);
            String attributes =
                    Arrays.stream(PerspectiveAttribute.values()).map(Enum::name).collect(Collectors.joining(", "));
            ObjectNode requested = (ObjectNode) doc.at("/schemas/AnalyzeCommentRequest/properties/requestedAttributes");
            requested.put("description", requested.get("description").asText().replace("@ATTRIBUTES@", attributes));
            this.document = doc;
        } catch (IOException e) {
            throw new UncheckedIOException("discovery document missing from the build", e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @NoApiKey("a public description of the API, like Google's; the methods it describes need an ingest key")
    @Operation(summary = "Perspective's discovery document (commentanalyzer v1alpha1) with this service as rootUrl")
    public ObjectNode discovery(@QueryParam("version") String version, @Context HttpServerRequest http) {
        if (version != null && !version.equals(VERSION)) {
            throw ApiProblem.notFound("Discovery document for version " + version);
        }
        String root = publicUrl.orElseGet(() -> requestRoot(http.absoluteURI()));
        ObjectNode doc = document.deepCopy();
        doc.put("rootUrl", root);
        doc.put("baseUrl", root);
        return doc;
    }

    /** The service root this request reached: its URL without {@code $discovery/rest} and query. */
    static String requestRoot(String absoluteUri) {
        URI uri = URI.create(absoluteUri);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int at = path.lastIndexOf("/$discovery/rest");
        if (at < 0) {
            at = path.lastIndexOf("/%24discovery/rest");
        }
        String prefix = at < 0 ? "" : path.substring(0, at);
        return uri.getScheme() + "://" + uri.getRawAuthority() + prefix + "/";
    }

    /** An absolute http(s) URL ending in one slash, as Google's rootUrl does (the method paths are relative). */
    static String rootOf(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("commentguard.public-url is not a URL: " + url);
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException(
                    "commentguard.public-url must be an absolute http(s) URL without " + "query or fragment: " + url);
        }
        String s = uri.toString();
        return s.endsWith("/") ? s : s + "/";
    }
}

package org.commentguard.site;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.commentguard.platform.error.ApiProblem;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Authenticates every API request from its {@code X-Api-Key} header and enforces {@link Allow}. Missing or
 * unknown keys are 401, a valid key with the wrong role is 403.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-Api-Key";
    /** The log context key that carries the authenticated site's id ({@code platform} for the admin key). */
    public static final String SITE_MDC_KEY = "siteId";

    private final ApiKeys keys;
    private final CurrentCaller current;

    public ApiKeyFilter(ApiKeys keys, CurrentCaller current) {
        this.keys = keys;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (noApiKey(resource)) {
            return;
        }
        Allow allow = allowOf(resource);
        String presented = request.getHeaderString(HEADER);
        if ((presented == null || presented.isBlank()) && allow != null && allow.keyInQuery()) {
            presented = request.getUriInfo().getQueryParameters().getFirst("key");
        }
        if (presented == null || presented.isBlank()) {
            throw new ApiProblem(
                    401, "unauthenticated", "Unauthorized", "Send a site API key in the " + HEADER + " header");
        }
        Optional<Caller> caller = keys.authenticate(presented.trim());
        if (caller.isEmpty()) {
            throw new ApiProblem(401, "invalid_api_key", "Unauthorized", "The API key is unknown or revoked");
        }
        Caller c = caller.get();
        // Every later log line of this request names the site (the MDC lives in the request's Vert.x context).
        MDC.put(SITE_MDC_KEY, c.siteId().map(UUID::toString).orElse("platform"));
        if (allow == null || !permits(allow, c)) {
            throw new ApiProblem(
                    403,
                    "forbidden",
                    "Forbidden",
                    allow == null
                            ? "This operation is not available to API keys"
                            : "This operation needs " + describe(allow));
        }
        current.set(c);
    }

    static boolean permits(Allow allow, Caller caller) {
        if (caller.isPlatformAdmin()) {
            return allow.platformAdmin();
        }
        Role role = caller.role().orElseThrow();
        return Arrays.stream(allow.value()).anyMatch(role::grants);
    }

    private static String describe(Allow allow) {
        StringBuilder sb = new StringBuilder();
        if (allow.value().length > 0) {
            sb.append("a key with role ")
                    .append(String.join(
                            " or ",
                            Arrays.stream(allow.value())
                                    .map(r -> r.name().toLowerCase())
                                    .toList()));
        }
        if (allow.platformAdmin()) {
            sb.append(sb.isEmpty() ? "" : ", or ").append("the platform administrator key");
        }
        return sb.toString();
    }

    /** {@link NoApiKey} on the method, or on its class when the method carries no {@link Allow} of its own. */
    private static boolean noApiKey(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        return method.isAnnotationPresent(NoApiKey.class)
                || (!method.isAnnotationPresent(Allow.class)
                        && resource.getResourceClass().isAnnotationPresent(NoApiKey.class));
    }

    private static Allow allowOf(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Allow allow = method.getAnnotation(Allow.class);
        return allow != null ? allow : resource.getResourceClass().getAnnotation(Allow.class);
    }
}

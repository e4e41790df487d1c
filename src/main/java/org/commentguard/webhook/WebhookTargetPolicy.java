package org.commentguard.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides where webhooks may be sent. A tenant chooses the URL, so without this check the service would POST to
 * whatever the URL names: loopback, the cloud metadata service, the private network it runs in. The check runs
 * when an endpoint is registered and again at every delivery, on the addresses the name resolves to at that
 * moment; the delivery then connects to the address that was checked, so a name that changes its answer in
 * between (DNS rebinding) gains nothing.
 */
@ApplicationScoped
public class WebhookTargetPolicy {

    private static final java.util.regex.Pattern NUMERIC_LAST_LABEL =
            java.util.regex.Pattern.compile("(?i)(.*\\.)?(0x[0-9a-f]*|[0-9]+)");

    private final boolean allowPrivate;
    private final HostResolver resolver;

    @jakarta.inject.Inject
    public WebhookTargetPolicy(WebhookConfig config, HostResolver resolver) {
        this(config.allowPrivateTargets(), resolver);
    }

    WebhookTargetPolicy(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** A URL taken apart, with the one address that was checked and must be connected to. */
    public record PinnedTarget(
            URI uri, boolean https, String host, int port, String pathAndQuery, InetAddress address) {}

    /**
     * Checks a URL offered for registration. Names that do not resolve now are accepted (DNS may be down for a
     * moment; the delivery checks again), names and literals that reach a forbidden address are not.
     */
    public void checkRegistration(String url) {
        ParsedUrl parsed = parse(url);
        try {
            addresses(parsed.host());
        } catch (UnknownHostException e) {
            if (parsed.literal()) {
                throw new WebhookTargetForbiddenException(e.getMessage());
            }
        }
    }

    /** Resolves and checks the URL for one delivery; the answer says which address to connect to. */
    public PinnedTarget pin(String url) throws UnknownHostException {
        ParsedUrl parsed = parse(url);
        List<InetAddress> addresses = addresses(parsed.host());
        return new PinnedTarget(
                parsed.uri(), parsed.https(), parsed.host(), parsed.port(), parsed.pathAndQuery(), addresses.get(0));
    }

    private record ParsedUrl(URI uri, boolean https, String host, int port, String pathAndQuery, boolean literal) {}

    private static ParsedUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new WebhookTargetForbiddenException("the URL is not a valid absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebhookTargetForbiddenException(
                    "only http and https URLs are allowed, not '" + (scheme.isEmpty() ? "(none)" : scheme) + "'");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new WebhookTargetForbiddenException("the URL has no host name");
        }
        if (authority.contains("@")) {
            // user:password@ before the host is a classic way to make a URL look like it goes elsewhere.
            throw new WebhookTargetForbiddenException("the URL must not carry user information before the host");
        }
        // java.net.URI gives no host for spellings such as 127.1 or 0x7f.1 (it wants a DNS name or a dotted
        // quad), so the host and port come from the authority, the way other clients read it.
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new WebhookTargetForbiddenException("the URL's port is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new WebhookTargetForbiddenException("the URL's port is out of range");
            }
        }
        boolean literal = host.startsWith("[") && host.endsWith("]");
        if (literal) {
            host = host.substring(1, host.length() - 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // "127.0.0.1." and "localhost." name the same host
        }
        if (host.isEmpty()) {
            throw new WebhookTargetForbiddenException("the URL has no host name");
        }
        boolean https = scheme.equals("https");
        if (port == -1) {
            port = https ? 443 : 80;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        try {
            literal = literal
                    || host.contains(":")
                    || TargetAddresses.numericIpv4(host).isPresent();
        } catch (UnknownHostException e) {
            literal = true;
        }
        if (!literal && NUMERIC_LAST_LABEL.matcher(host).matches()) {
            // No top-level domain is numeric: resolvers differ on what such a name means, so none is asked.
            throw new WebhookTargetForbiddenException(host + " is neither a host name nor an IP address");
        }
        return new ParsedUrl(uri, https, host, port, pathAndQuery, literal);
    }

    /** The addresses {@code host} stands for now, all of them allowed; else the reason why not. */
    private List<InetAddress> addresses(String host) throws UnknownHostException {
        List<InetAddress> addresses;
        Optional<? extends InetAddress> numeric = TargetAddresses.numericIpv4(host);
        if (numeric.isPresent()) {
            addresses = List.of(numeric.get());
        } else if (host.contains(":")) {
            addresses = List.of(ipv6Literal(host));
        } else {
            addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host + " has no addresses");
            }
        }
        for (InetAddress address : addresses) {
            TargetAddresses.Kind kind = TargetAddresses.classify(address);
            if (kind != TargetAddresses.Kind.PUBLIC && !(allowPrivate && kind.openedByPrivateOptIn)) {
                String via = numeric.isPresent() || host.contains(":") ? "" : " (" + host + " resolves to it)";
                throw new WebhookTargetForbiddenException(TargetAddresses.text(address) + via + " is "
                        + kind.description + "; webhooks may only reach public addresses"
                        + (kind.openedByPrivateOptIn
                                ? " unless the operator sets " + "commentguard.webhook.allow-private-targets=true"
                                : ""));
            }
        }
        return addresses;
    }

    private static InetAddress ipv6Literal(String host) throws UnknownHostException {
        if (!host.matches("[0-9a-f:.]+(%[0-9a-z._~-]+)?")) {
            throw new UnknownHostException(host + " is not a valid IPv6 address");
        }
        // Only hex digits, colons, dots and a zone, so getByName parses a literal and never asks DNS.
        return InetAddress.getByName(host);
    }
}

package org.commentguard.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an IP address reaches, for the webhook target policy. Pure functions: no DNS, no configuration.
 * Addresses that embed an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the embedded one,
 * because that is where the packets end up.
 */
final class TargetAddresses {

    /** The kinds of address the policy distinguishes; only {@link #PUBLIC} is always allowed. */
    enum Kind {
        PUBLIC("a public address", false),
        LOOPBACK("a loopback address", true),
        PRIVATE("a private-network address", true),
        LINK_LOCAL("a link-local address (this includes cloud metadata services such as 169.254.169.254)", false),
        MULTICAST("a multicast address", false),
        UNSPECIFIED("the unspecified address", false),
        BROADCAST("the broadcast address", false),
        RESERVED("a reserved or documentation-only address", false),
        TUNNEL("a Teredo tunnel address, whose real destination is hidden", false);

        final String description;
        /** Whether {@code commentguard.webhook.allow-private-targets} opens this kind. */
        final boolean openedByPrivateOptIn;

        Kind(String description, boolean openedByPrivateOptIn) {
            this.description = description;
            this.openedByPrivateOptIn = openedByPrivateOptIn;
        }
    }

    /** 1 to 4 parts of decimal, 0-prefixed octal or 0x-prefixed hex, as inet_aton(3) and curl read them. */
    private static final Pattern NUMERIC_HOST =
            Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

    private TargetAddresses() {}

    static Kind classify(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? classify4(b) : classify6(b);
    }

    /**
     * The address that a numeric host name means to the C resolver ({@code 2130706433}, {@code 0177.0.0.1},
     * {@code 0x7f.1} and {@code 127.1} all mean 127.0.0.1). Java reads some of these spellings differently
     * (octal as decimal) or not at all, so the policy decides on this reading and connects to exactly the
     * address it decided on. Empty when {@code host} is not numeric; an error when it is numeric but out of
     * range, which no resolver should be asked to guess about.
     */
    static Optional<Inet4Address> numericIpv4(String host) throws UnknownHostException {
        if (!NUMERIC_HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        String[] parts = host.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = part(parts[i], host);
        }
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 0xff) {
                throw new UnknownHostException(host + " is not a valid IPv4 address");
            }
            value = value << 8 | values[i];
        }
        // The last part fills all remaining bytes: "127.1" is 127.0.0.1, "2130706433" is all four.
        int remainingBits = 8 * (5 - parts.length);
        long last = values[parts.length - 1];
        if (last >= 1L << remainingBits) {
            throw new UnknownHostException(host + " is not a valid IPv4 address");
        }
        value = value << remainingBits | last;
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return Optional.of((Inet4Address) InetAddress.getByAddress(host, bytes));
    }

    private static long part(String part, String host) throws UnknownHostException {
        try {
            String lower = part.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("0x")) {
                return lower.length() == 2 ? 0 : Long.parseLong(lower.substring(2), 16);
            }
            if (lower.length() > 1 && lower.startsWith("0")) {
                return Long.parseLong(lower.substring(1), 8);
            }
            return Long.parseLong(lower);
        } catch (NumberFormatException e) {
            throw new UnknownHostException(host + " is not a valid IPv4 address");
        }
    }

    private static Kind classify4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            // 0.0.0.0/8: "this network"; connecting to 0.0.0.0 reaches the local host on Linux.
            return Kind.UNSPECIFIED;
        }
        if (a0 == 127) {
            return Kind.LOOPBACK;
        }
        if (a0 == 10
                || (a0 == 172 && (a1 & 0xf0) == 16)
                || (a0 == 192 && a1 == 168)
                || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64/10, carrier-grade NAT: inside someone's network
                || (a0 == 198 && (a1 & 0xfe) == 18)) { // 198.18/15, benchmarking, used on internal links
            return Kind.PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return Kind.LINK_LOCAL;
        }
        if ((a0 & 0xf0) == 224) {
            return Kind.MULTICAST;
        }
        if (a0 == 255 && a1 == 255 && a2 == 255 && (b[3] & 0xff) == 255) {
            return Kind.BROADCAST;
        }
        if ((a0 & 0xf0) == 240 // 240/4, reserved
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) { // TEST-NET-2/3
            return Kind.RESERVED;
        }
        return Kind.PUBLIC;
    }

    private static Kind classify6(byte[] b) {
        if (allZero(b, 0, 10)) {
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return classify4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d, IPv4-mapped
            }
            if (allZero(b, 10, 12)) {
                if (allZero(b, 12, 15)) {
                    int last = b[15] & 0xff;
                    if (last == 0) {
                        return Kind.UNSPECIFIED;
                    }
                    if (last == 1) {
                        return Kind.LOOPBACK;
                    }
                }
                return classify4(Arrays.copyOfRange(b, 12, 16)); // ::a.b.c.d, IPv4-compatible (deprecated)
            }
        }
        int w0 = (b[0] & 0xff) << 8 | (b[1] & 0xff);
        int w1 = (b[2] & 0xff) << 8 | (b[3] & 0xff);
        if (w0 == 0x64 && w1 == 0xff9b) {
            if (allZero(b, 4, 12)) {
                return classify4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96, well-known NAT64 prefix
            }
            if (((b[4] & 0xff) << 8 | (b[5] & 0xff)) == 1) {
                return Kind.PRIVATE; // 64:ff9b:1::/48, NAT64 for local use
            }
        }
        if (w0 == 0x2002) {
            return classify4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16, 6to4 embeds the relay's IPv4 address
        }
        if (w0 == 0x2001 && w1 == 0) {
            return Kind.TUNNEL;
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return Kind.PRIVATE; // fc00::/7, unique local
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return Kind.LINK_LOCAL;
        }
        if ((w0 & 0xffc0) == 0xfec0) {
            return Kind.PRIVATE; // fec0::/10, deprecated site-local
        }
        if ((w0 & 0xff00) == 0xff00) {
            return Kind.MULTICAST;
        }
        if ((w0 == 0x2001 && w1 == 0x0db8) || (w0 == 0x0100 && allZero(b, 2, 8)) || w0 == 0) {
            return Kind.RESERVED; // documentation, discard-only, and the rest of ::/16
        }
        return Kind.PUBLIC;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static String text(InetAddress address) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }
}

package org.commentguard.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a webhook host name into addresses. A bean of its own so that tests can answer for names they control
 * (and change the answer between registration and delivery, as a rebinding attacker would).
 */
@ApplicationScoped
public class HostResolver {

    /**
     * Every address the name has now; the policy checks all of them, not just the first. The special-use names
     * of RFC 6761 are answered without asking DNS: {@code localhost} and {@code *.localhost} are loopback
     * whatever a resolver says, {@code *.invalid} never exists.
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        }
        if (host.equals("invalid") || host.endsWith(".invalid")) {
            throw new UnknownHostException(host + " is a reserved name that never resolves");
        }
        return List.of(InetAddress.getAllByName(host));
    }
}

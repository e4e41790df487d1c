package org.commentguard.integration.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a loopback port that stands between the WordPress plugin and the service, so the test can take the
 * service away without stopping Quarkus (a second start in one JVM fails on the tokenizer's native library). It
 * forwards bytes both ways; {@link #down()} closes its listening socket (connections are refused), and
 * {@link #stall(boolean)} makes new connections deliver the request to the service but never the answer, as a
 * service that hangs after doing its work would.
 */
final class ServiceRelay implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;
    private volatile boolean stalled;

    private ServiceRelay(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listening = bind(0);
        this.port = listening.getLocalPort();
        acceptOn(listening);
    }

    /** A relay on a free loopback port forwarding to {@code host:port}. */
    static ServiceRelay to(String host, int port) throws IOException {
        return new ServiceRelay(new InetSocketAddress(host, port));
    }

    int port() {
        return port;
    }

    /** Closes the listening socket and every relayed connection: from now on connecting is refused. */
    synchronized void down() throws IOException {
        ServerSocket s = listening;
        listening = null;
        if (s != null) {
            s.close();
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** Listens again on the same port. */
    synchronized void up() throws IOException {
        if (listening == null) {
            listening = bind(port);
            acceptOn(listening);
        }
    }

    /** While on, each new connection's request reaches the service and its answer is dropped. */
    void stall(boolean on) {
        stalled = on;
    }

    @Override
    public void close() throws IOException {
        down();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        // The port is the plugin's configured service URL: reopening must get it back despite TIME_WAIT sockets.
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void acceptOn(ServerSocket server) {
        daemon("relay-accept-" + port, () -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return; // closed by down()
                }
                relay(client, stalled);
            }
        });
    }

    private void relay(Socket client, boolean stall) {
        Socket service = new Socket();
        open.add(client);
        open.add(service);
        try {
            service.connect(upstream, 5000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(service);
            return;
        }
        daemon("relay-request", () -> pump(client, service, false));
        daemon("relay-answer", () -> pump(service, client, stall));
    }

    private void pump(Socket from, Socket to, boolean drop) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (drop) {
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // The other side went away (the plugin gave up, or down() closed it): the pair ends.
        } finally {
            closeQuietly(from);
            // A dropped answer ends with the service closing (WordPress asks for Connection: close); the plugin
            // must still see a server that says nothing, until it gives up and closes its end.
            if (!drop) {
                closeQuietly(to);
            }
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}

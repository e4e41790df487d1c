package org.commentguard.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server the service starts for itself when no external JDBC URL is configured. It keeps its data
 * in a persistent directory, so a restart finds everything written before, and it takes over cleanly from a
 * server orphaned by a JVM that died hard (kill -9, OOM): the postmaster is a separate process that outlives it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** How long an orphaned postmaster gets for a fast shutdown before it is killed (WAL recovery handles that). */
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
    /**
     * How long a fixed port may stay taken before start-up gives up: long enough for a server we just stopped to
     * release it, short enough that a port held by something else fails fast instead of zonky's 60 s connect loop.
     */
    private static final Duration PORT_FREE_WAIT = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts (initialising on first use) a server on {@code dataDirectory}. {@code port} 0 picks a free port.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Path dir = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            stopOrphanedServer(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // The service closes the server itself, after Quarkus has stopped using it.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's defaults trade durability for speed; an acknowledged comment must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // TCP only. A Unix socket brings a lock file, /tmp/.s.PGSQL.<port>.lock, that lives outside
                    // the data directory and names the old postmaster: after a kill -9 it stops a restart on a
                    // fixed port until that pid is reaped (a zombie counts as alive) or reused by anything else.
                    .setServerConfig("unix_socket_directories", "");
            if (port > 0) {
                awaitFreePort(port, PORT_FREE_WAIT);
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            LOG.infof("Embedded PostgreSQL started on port %d with data in %s", pg.getPort(), dir);
            return new EmbeddedDatabase(pg, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A postmaster.pid left behind means either a live orphan (our previous JVM died, its server did not) or a stale
     * file. A live postgres gets SIGTERM (fast shutdown for the postmaster: it rolls back open transactions and
     * checkpoints); a PID that now belongs to an unrelated process means the file is stale and is removed.
     */
    static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            pid = -1;
        }
        Optional<ProcessHandle> handle = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (handle.isEmpty() || !handle.get().isAlive() || isZombie(pid)) {
            // A zombie is a postmaster killed but not yet reaped (a container whose init does not reap): it holds
            // nothing, but PostgreSQL's own check (kill -0) would take it for a live server and refuse to start.
            LOG.warnf("Removing stale postmaster.pid in %s (process %d is gone)", dir, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = handle.get();
        String command = process.info().command().orElse("");
        if (!command.contains("postgres") || !runsIn(pid, dir)) {
            LOG.warnf("Removing stale postmaster.pid in %s (pid %d is now '%s')", dir, pid, command);
            Files.deleteIfExists(pidFile);
            return;
        }
        LOG.warnf("Stopping orphaned embedded PostgreSQL (pid %d) left by a previous run on %s", pid, dir);
        // SIGINT is PostgreSQL's "fast" shutdown; ProcessHandle only offers SIGTERM ("smart", which waits for
        // clients) and SIGKILL, so ask the OS directly and fall back to those.
        boolean signalled = signal(pid, "INT");
        if (!signalled) {
            process.destroy();
        }
        try {
            process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warnf(
                    "Orphaned PostgreSQL %d did not stop in %s; killing it (WAL recovery will run)",
                    pid, ORPHAN_STOP_WAIT);
            process.destroyForcibly();
            try {
                process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ex) {
                throw new IllegalStateException("cannot stop orphaned PostgreSQL process " + pid, ex);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping orphaned PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot stop orphaned PostgreSQL process " + pid, e);
        }
        Files.deleteIfExists(pidFile);
    }

    /** Linux: state {@code Z} in {@code /proc/<pid>/stat}; elsewhere nothing is known to be a zombie. */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // "pid (comm) S ...": comm may hold spaces and parentheses, so the state follows the last ')'.
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Whether the process works in {@code dir}: a postmaster changes into its data directory, so a PostgreSQL
     * that reused the pid but serves another cluster (the machine's own server, say) is not ours to stop. Where
     * {@code /proc} cannot tell, the command name alone decides, as before.
     */
    private static boolean runsIn(long pid, Path dir) {
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
            return cwd.toRealPath().equals(dir.toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }

    /**
     * Waits (bounded) until {@code port} on 127.0.0.1 can be bound, and fails with a message that names the port
     * otherwise: PostgreSQL itself would exit at once on "could not bind" and zonky would only report, after its
     * start-up wait, that the server never answered.
     */
    static void awaitFreePort(int port, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean logged = false;
        while (true) {
            try (ServerSocket probe = new ServerSocket()) {
                // As PostgreSQL binds: SO_REUSEADDR, so connections of a dead server in TIME_WAIT do not count.
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return;
            } catch (IOException inUse) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new IllegalStateException(
                            "port " + port + " on 127.0.0.1 for the embedded PostgreSQL is "
                                    + "still in use after " + wait.toSeconds() + " s; stop what holds it, or set "
                                    + "COMMENTGUARD_DB_EMBEDDED_PORT to a free port (0 picks one)",
                            inUse);
                }
                if (!logged) {
                    LOG.warnf(
                            "Port %d for the embedded PostgreSQL is in use; waiting up to %d s for it to free",
                            port, wait.toSeconds());
                    logged = true;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for port " + port, e);
            }
        }
    }

    private static boolean signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server with a fast shutdown; the data directory is kept. */
    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.error("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}

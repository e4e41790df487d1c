package org.commentguard.platform.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesCleanRestart() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            execute(db, "CREATE TABLE t (v TEXT)", "INSERT INTO t VALUES ('kept')");
        }
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThat(query(db, "SELECT v FROM t")).containsExactly("kept");
        }
    }

    @Test
    void acknowledgedWritesAreDurable() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThat(query(db, "SHOW synchronous_commit")).containsExactly("on");
            assertThat(query(db, "SHOW fsync")).containsExactly("on");
        }
    }

    @Test
    void startsAfterPreviousServiceWasKilledHard() throws Exception {
        Path data = dir.resolve("pg");
        Process child = startChild(data, "row-before-crash", 0);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // The orphaned postmaster is still running on the data directory.
        assertThat(Files.exists(data.resolve("postmaster.pid"))).isTrue();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0)) {
            assertThat(query(db, "SELECT id FROM acknowledged")).containsExactly("row-before-crash");
            execute(db, "INSERT INTO acknowledged VALUES ('row-after-restart')");
        }
    }

    @Test
    void restartsOnTheSameFixedPortRightAfterTheJvmAndTheWholeServerWereKilled() throws Exception {
        Path data = dir.resolve("pg");
        int port = freePort();
        Process child = startChild(data, "row-before-crash", port);
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid"))
                        .get(0)
                        .trim()))
                .orElseThrow();
        List<ProcessHandle> server = new ArrayList<>(postmaster.descendants().toList());
        server.add(postmaster);
        // As a crash of the machine would: the JVM, postmaster and backends at once, and no waiting for the dead
        // postmaster to be reaped.
        child.destroyForcibly();
        server.forEach(ProcessHandle::destroyForcibly);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, port)) {
            assertThat(db.port()).isEqualTo(port);
            assertThat(query(db, "SELECT id FROM acknowledged")).containsExactly("row-before-crash");
        }
    }

    @Test
    void aKilledButUnreapedPostmasterDoesNotBlockARestartOnItsFixedPort() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "zombies are made and recognised through /proc");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            execute(db, "CREATE TABLE t (v TEXT)", "INSERT INTO t VALUES ('kept')");
        }
        // A killed postmaster that nobody has reaped yet (a container whose init does not reap): a zombie, which
        // PostgreSQL's own check (kill -0) takes for a live server. Its lock files still name it.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 120").start();
        try {
            long zombie = Long.parseLong(
                    new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                            .readLine()
                            .trim());
            for (int i = 0; i < 100 && !EmbeddedDatabase.isZombie(zombie); i++) {
                Thread.sleep(50);
            }
            assertThat(EmbeddedDatabase.isZombie(zombie)).isTrue();
            int port = freePort();
            Files.writeString(dir.resolve("postmaster.pid"), zombie + "\n" + dir + "\n0\n" + port + "\n");
            assertThat(startsDespiteSocketLockNaming(zombie, port)).containsExactly("kept");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aSocketLockFileWhosePidWasReusedDoesNotBlockAFixedPort() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            execute(db, "CREATE TABLE t (v TEXT)", "INSERT INTO t VALUES ('kept')");
        }
        // The killed server's pid now belongs to an unrelated live process.
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            assertThat(startsDespiteSocketLockNaming(unrelated.pid(), freePort()))
                    .containsExactly("kept");
        } finally {
            unrelated.destroyForcibly();
        }
    }

    /**
     * Leaves the lock file a killed server would leave in PostgreSQL's default socket directory, naming
     * {@code pid}, starts on {@code port} and answers the rows of table t.
     */
    private List<String> startsDespiteSocketLockNaming(long pid, int port) throws Exception {
        Path lock = Path.of("/tmp", ".s.PGSQL." + port + ".lock");
        Files.writeString(lock, pid + "\n" + dir + "\n0\n" + port + "\n/tmp\n");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, port)) {
            return query(db, "SELECT v FROM t");
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    @Test
    void aPidFileNamingTheServerOfAnotherDataDirectoryLeavesThatServerRunning() throws Exception {
        Path ours = dir.resolve("ours");
        try (EmbeddedDatabase other = EmbeddedDatabase.start(dir.resolve("other"), 0)) {
            execute(other, "CREATE TABLE t (v TEXT)", "INSERT INTO t VALUES ('other')");
            // The pid once was our postmaster's and now is a PostgreSQL serving another cluster.
            Files.createDirectories(ours);
            Files.copy(other.dataDirectory().resolve("postmaster.pid"), ours.resolve("postmaster.pid"));
            try (EmbeddedDatabase db = EmbeddedDatabase.start(ours, 0)) {
                assertThat(query(other, "SELECT v FROM t")).containsExactly("other");
                assertThat(db.port()).isNotEqualTo(other.port());
            }
        }
    }

    @Test
    void aFixedPortHeldByAnotherProcessFailsStartUpWithAMessageNamingThePort() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = holder.getLocalPort();
            assertThatThrownBy(() -> EmbeddedDatabase.awaitFreePort(port, Duration.ofMillis(600)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("COMMENTGUARD_DB_EMBEDDED_PORT");
        }
    }

    @Test
    void waitsForAFixedPortThatFreesWithinTheBound() throws Exception {
        ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int port = holder.getLocalPort();
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(500);
                holder.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        EmbeddedDatabase.awaitFreePort(port, Duration.ofSeconds(30));
        assertThat(holder.isClosed()).isTrue();
        release.join();
    }

    @Test
    void staleLockFileFromDeadProcessIsIgnored() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            execute(db, "CREATE TABLE t (v TEXT)", "INSERT INTO t VALUES ('x')");
        }
        // A postmaster.pid naming a process that no longer exists, as after a machine crash.
        Files.writeString(dir.resolve("postmaster.pid"), "999999\n" + dir + "\n");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThat(query(db, "SELECT v FROM t")).containsExactly("x");
        }
    }

    /** A child JVM that starts the server on {@code data}, commits {@code row} and waits to be killed. */
    private static Process startChild(Path data, String row, int port) throws Exception {
        Process child = new ProcessBuilder(
                        javaBin(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedDatabaseChild.class.getName(),
                        data.toString(),
                        row,
                        Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("READY")) {
                // Keep draining, so the child never blocks on a full pipe while the test runs.
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> {}));
                drain.setDaemon(true);
                drain.start();
                return child;
            }
        }
        throw new AssertionError("child JVM did not start its database (exit " + child.waitFor() + ")");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void execute(EmbeddedDatabase db, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static List<String> query(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}

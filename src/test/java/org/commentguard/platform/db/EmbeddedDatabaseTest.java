package org.commentguard.platform.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

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
        Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(), data.toString(), "row-before-crash")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            while ((line = out.readLine()) != null) {
                if (line.contains("READY")) {
                    ready = true;
                    break;
                }
            }
            assertThat(ready).as("child JVM started its database").isTrue();
        }
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
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}

package org.commentguard.platform.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Runs in a separate JVM for {@link EmbeddedDatabaseTest}: starts the embedded server, commits one row, says
 * READY and waits to be killed with SIGKILL, leaving its postmaster orphaned as a crashed service would.
 * Arguments: data directory, row id, and optionally a fixed port.
 */
public final class EmbeddedDatabaseChild {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), args.length > 2 ? Integer.parseInt(args[2]) : 0);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS acknowledged (id TEXT PRIMARY KEY)");
            s.execute("INSERT INTO acknowledged VALUES ('" + args[1] + "')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package org.commentguard.hardening;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a child process on a loopback port, for the
 * long tests and {@link PackagedServiceDatabaseTest}: started with its own environment, its output in a log file, and stopped gently or with SIGKILL.
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN_KEY = "cg_platform_hardening_admin_key_0123456789abcdef";
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service with the given environment on a free port and waits until it is ready. Database settings
     * the calling shell may carry are dropped, so only {@code env} decides embedded versus external.
     */
    static ServiceProcess start(String name, Map<String, String> env) throws Exception {
        return start(name, env, null);
    }

    /**
     * As {@link #start(String, Map)}, in {@code workDir} as the service's working directory ({@code null}: this
     * one), where it reads {@code config/application.properties} and keeps its default embedded data directory.
     */
    static ServiceProcess start(String name, Map<String, String> env, Path workDir) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    JAR + " is missing: package the service first (./mvnw -B -DskipTests package)");
        }
        int port = freePort();
        Path log = Path.of("target", "hardening", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        // Extra JVM options for the service, e.g. a JFR recording: -Dcommentguard.service.java-options="-XX:..."
        String extra =
                System.getProperty("commentguard.service.java-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("COMMENTGUARD_"));
        environment.put("COMMENTGUARD_ADMIN_API_KEY", ADMIN_KEY);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.putAll(env);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServiceProcess service = new ServiceProcess(builder.start(), port, log);
        service.awaitReady(Duration.ofSeconds(180));
        return service;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The service's output: every log line it has written so far. */
    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, in-flight requests and transactions are cut off. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and a graceful shutdown (which also stops an embedded database); SIGKILL after 60 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(base().resolve("/q/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("service not ready after " + timeout + ", see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A fresh embedded PostgreSQL for child services: a temporary data directory and a fixed port to reach it. */
    record EmbeddedData(Path dir, int port) {

        static EmbeddedData fresh(String name) throws IOException {
            return new EmbeddedData(Files.createTempDirectory("commentguard-" + name + "-pg"), freePort());
        }

        Map<String, String> env() {
            return ServiceProcess.env(
                    "COMMENTGUARD_DB_EMBEDDED_DATA_DIR",
                    dir.toString(),
                    "COMMENTGUARD_DB_EMBEDDED_PORT",
                    Integer.toString(port));
        }

        String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }
    }

    static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }
}

package org.commentguard.integration.wordpress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real WordPress (Debian's {@code wordpress} package) for the end-to-end test: a private copy of the tree with its
 * own {@code wp-config.php} and database {@code wp_e2e_<random>} on the MariaDB at 127.0.0.1:3306, installed with
 * {@code wp_install()}, the plugin from {@code integrations/wordpress/commentguard} activated, served by PHP's
 * built-in server on a loopback port. Readers and the admin talk to it over HTTP like a browser.
 */
final class WordPressSite implements AutoCloseable {

    static final Path PHP = Path.of("/usr/bin/php");
    static final Path WORDPRESS = Path.of("/usr/share/wordpress");
    static final Path PLUGIN =
            Path.of("integrations", "wordpress", "commentguard").toAbsolutePath();
    static final String ADMIN = "admin";
    private static final String RESOURCES = "/org/commentguard/integration/wordpress/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMMENT_ID = Pattern.compile("#comment-(\\d+)");

    private final Path root;
    private final String database;
    private final int port;
    private final String password;
    private final Process server;
    private final HttpClient reader = client();
    private final HttpClient admin = client();

    private WordPressSite(Path root, String database, int port, String password, Process server) {
        this.root = root;
        this.database = database;
        this.port = port;
        this.password = password;
        this.server = server;
    }

    /** Skips the calling test unless php-cli with mysqli, Debian's WordPress and MariaDB on 3306 are there. */
    static void assumeAvailable() throws Exception {
        String hint = " (.ci/install-wordpress.sh installs and starts what is missing)";
        assumeTrue(Files.isExecutable(PHP), "the WordPress test needs php-cli" + hint);
        assumeTrue(
                Files.isRegularFile(WORDPRESS.resolve("wp-settings.php")),
                "the WordPress test needs Debian's wordpress package" + hint);
        Process modules = new ProcessBuilder(PHP.toString(), "-m")
                .redirectErrorStream(true)
                .start();
        String loaded = new String(modules.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        modules.waitFor(30, TimeUnit.SECONDS);
        assumeTrue(
                loaded.contains("mysqli") && loaded.contains("curl"),
                "the WordPress test needs php-mysql and php-curl" + hint);
        boolean mariadb;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 3306), 2000);
            mariadb = true;
        } catch (IOException e) {
            mariadb = false;
        }
        assumeTrue(mariadb, "the WordPress test needs MariaDB on 127.0.0.1:3306" + hint);
    }

    /** Copies, configures, installs and serves a WordPress whose Commentguard plugin has {@code settings}. */
    static WordPressSite install(int port, Map<String, Object> settings) throws Exception {
        Path root = Files.createTempDirectory("commentguard-wordpress");
        // wp-load.php and wp-admin/ find wp-config.php through __DIR__, which PHP resolves through symbolic links:
        // those are copied; wp-includes and the themes are only linked.
        try (Stream<Path> entries = Files.list(WORDPRESS)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals("wp-config.php") || name.equals("wp-content") || name.startsWith(".")) {
                    continue;
                }
                if (name.equals("wp-includes")) {
                    Files.createSymbolicLink(root.resolve(name), entry);
                } else {
                    run(List.of("cp", "-a", entry.toString(), root.resolve(name).toString()));
                }
            }
        }
        Path content = Files.createDirectories(root.resolve("wp-content"));
        Files.createSymbolicLink(content.resolve("themes"), WORDPRESS.resolve("wp-content/themes"));
        Files.createDirectories(content.resolve("plugins"));
        Files.createSymbolicLink(content.resolve("plugins/commentguard"), PLUGIN);
        Files.createDirectories(content.resolve("mu-plugins"));
        copyResource("e2e-mu-plugin.php", content.resolve("mu-plugins/e2e.php"));
        copyResource("router.php", root.resolve("router.php"));
        copyResource("wp-tool.php", root.resolve("wp-tool.php"));

        SecureRandom random = new SecureRandom();
        String database = "wp_e2e_" + hex(random, 6);
        String password = hex(random, 12);
        Files.writeString(root.resolve("wp-config.php"), config(database, port, random));
        tool(root, "create-db", Map.of("name", database));
        Process server = null;
        try {
            Map<String, Object> installed = tool(root, "install", Map.of("password", password, "settings", settings));
            if (!Boolean.TRUE.equals(installed.get("activated"))) {
                throw new IllegalStateException("the plugin did not activate: " + installed);
            }
            ProcessBuilder php = new ProcessBuilder(
                    PHP.toString(),
                    "-S",
                    "127.0.0.1:" + port,
                    "-t",
                    root.toString(),
                    root.resolve("router.php").toString());
            // Several workers: a webhook from Commentguard may arrive while a reader's request waits for Commentguard.
            php.environment().put("PHP_CLI_SERVER_WORKERS", "4");
            php.redirectErrorStream(true)
                    .redirectOutput(root.resolve("php-server.log").toFile());
            server = php.start();
            WordPressSite site = new WordPressSite(root, database, port, password, server);
            site.awaitServing();
            return site;
        } catch (Exception | Error e) {
            if (server != null) {
                stop(server);
            }
            tool(root, "drop-db", Map.of("name", database));
            delete(root);
            throw e;
        }
    }

    String password() {
        return password;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Publishes a post (or updates post {@code id}) through wp_insert_post, the path every editor ends in. */
    Map<String, Object> publish(Integer id, String title, String content) {
        Map<String, Object> args = new LinkedHashMap<>(Map.of("title", title, "content", content));
        if (id != null) {
            args.put("id", id);
        }
        return tool(root, "publish", args);
    }

    /** A comment's WordPress status ({@code approved}, {@code unapproved}, {@code spam}, {@code trash}) and meta. */
    Map<String, Object> comment(long id) {
        return tool(root, "comment", Map.of("id", id));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> meta(long id) {
        return (Map<String, Object>) comment(id).get("meta");
    }

    String status(long id) {
        return (String) comment(id).get("status");
    }

    Map<String, Object> settings() {
        return tool(root, "settings", Map.of());
    }

    /**
     * Posts the comment form to wp-comments-post.php the way a browser does and answers the new comment's id, read
     * from the redirect WordPress answers ({@code …#comment-<id>}).
     */
    long postComment(long postId, String author, String email, String text) throws Exception {
        HttpResponse<String> response = reader.send(
                form(
                        base().resolve("/wp-comments-post.php"),
                        Map.of(
                                "comment",
                                text,
                                "author",
                                author,
                                "email",
                                email,
                                "url",
                                "",
                                "submit",
                                "Post Comment",
                                "comment_post_ID",
                                Long.toString(postId),
                                "comment_parent",
                                "0")),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        Matcher m = COMMENT_ID.matcher(location);
        if (response.statusCode() != 302 || !m.find()) {
            throw new AssertionError("wp-comments-post.php answered " + response.statusCode() + " " + location + "\n"
                    + abbreviate(response.body()));
        }
        return Long.parseLong(m.group(1));
    }

    /** Logs the admin in through wp-login.php (test cookie first, as a browser would have it). */
    void logIn() throws Exception {
        admin.send(
                HttpRequest.newBuilder(base().resolve("/wp-login.php")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = admin.send(
                form(
                        base().resolve("/wp-login.php"),
                        Map.of(
                                "log",
                                ADMIN,
                                "pwd",
                                password,
                                "wp-submit",
                                "Log In",
                                "testcookie",
                                "1",
                                "redirect_to",
                                base().resolve("/wp-admin/").toString())),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302) {
            throw new AssertionError("login failed: " + login.statusCode() + "\n" + abbreviate(login.body()));
        }
    }

    /** A wp-admin page as the logged-in admin. */
    Document adminPage(String path) throws Exception {
        HttpResponse<String> page =
                admin.send(HttpRequest.newBuilder(base().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new AssertionError(path + " answered " + page.statusCode());
        }
        return Jsoup.parse(page.body(), base().resolve(path).toString());
    }

    /**
     * Follows a row action link of wp-admin's comment list (e.g. Spam: {@code comment.php?action=spamcomment&c=…
     * &_wpnonce=…}), which WordPress checks with the nonce and the admin's capability.
     */
    HttpResponse<String> adminAction(String absoluteUrl) throws Exception {
        return admin.send(
                HttpRequest.newBuilder(URI.create(absoluteUrl))
                        .header(
                                "Referer",
                                base().resolve("/wp-admin/edit-comments.php").toString())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Submits Settings → Commentguard with the page's own nonce; fields left out are sent empty. */
    HttpResponse<String> saveSettings(Map<String, String> fields) throws Exception {
        Document page = adminPage("/wp-admin/options-general.php?page=commentguard");
        Map<String, String> form = new LinkedHashMap<>();
        page.select("form[action=options.php] input[type=hidden]")
                .forEach(i -> form.put(i.attr("name"), i.attr("value")));
        page.select("form[action=options.php] select")
                .forEach(s ->
                        form.put(s.attr("name"), s.select("option[selected]").attr("value")));
        fields.forEach((k, v) -> form.put("commentguard_settings[" + k + "]", v));
        return admin.send(form(base().resolve("/wp-admin/options.php"), form), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a webhook delivery to the plugin's route {@code /wp-json/commentguard/v1/events} with these headers. */
    HttpResponse<String> deliver(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve("/wp-json/commentguard/v1/events"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return reader.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs due WP-Cron events the way a system cron job would: a request to wp-cron.php. */
    void runCron() throws Exception {
        HttpResponse<String> cron = reader.send(
                HttpRequest.newBuilder(base().resolve("/wp-cron.php")).build(), HttpResponse.BodyHandlers.ofString());
        if (cron.statusCode() != 200) {
            throw new AssertionError("wp-cron.php answered " + cron.statusCode());
        }
    }

    @Override
    public void close() throws Exception {
        stop(server);
        tool(root, "drop-db", Map.of("name", database));
        delete(root);
    }

    /** Polls {@code read} until {@code done} holds or {@code timeout} passes; answers the last value read. */
    static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, Duration timeout, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what + "; last: " + value);
            }
            Thread.sleep(200);
            value = read.get();
        }
        return value;
    }

    private void awaitServing() throws Exception {
        await(
                () -> {
                    try {
                        return reader.send(
                                        HttpRequest.newBuilder(base().resolve("/wp-login.php"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (IOException e) {
                        return -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                },
                status -> status == 200 || !server.isAlive(),
                Duration.ofSeconds(30),
                "PHP's built-in server");
        if (!server.isAlive()) {
            throw new IllegalStateException("php -S exited: " + Files.readString(root.resolve("php-server.log")));
        }
    }

    /** Stops php -S and its workers: with PHP_CLI_SERVER_WORKERS the workers are children that outlive a parent. */
    private static void stop(Process server) throws InterruptedException {
        List<ProcessHandle> workers = server.descendants().toList();
        workers.forEach(ProcessHandle::destroy);
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String config(String database, int port, SecureRandom random) {
        StringBuilder php = new StringBuilder("<?php\n// Written by WordPressPluginTest for one run.\n");
        php.append("define('DB_NAME', '")
                .append(database)
                .append("');\n")
                .append("define('DB_USER', 'root');\ndefine('DB_PASSWORD', '');\n")
                .append("define('DB_HOST', '127.0.0.1:3306');\n")
                .append("define('DB_CHARSET', 'utf8mb4');\ndefine('DB_COLLATE', '');\n");
        for (String key : List.of(
                "AUTH_KEY",
                "SECURE_AUTH_KEY",
                "LOGGED_IN_KEY",
                "NONCE_KEY",
                "AUTH_SALT",
                "SECURE_AUTH_SALT",
                "LOGGED_IN_SALT",
                "NONCE_SALT")) {
            php.append("define('")
                    .append(key)
                    .append("', '")
                    .append(hex(random, 24))
                    .append("');\n");
        }
        String home = "http://127.0.0.1:" + port;
        php.append("$table_prefix = 'wp_';\n")
                .append("define('WP_HOME', '")
                .append(home)
                .append("');\n")
                .append("define('WP_SITEURL', '")
                .append(home)
                .append("');\n")
                // The test runs WP-Cron itself; nothing may reach beyond this machine.
                .append("define('DISABLE_WP_CRON', true);\ndefine('WP_HTTP_BLOCK_EXTERNAL', true);\n")
                .append("define('AUTOMATIC_UPDATER_DISABLED', true);\ndefine('WP_DEBUG', false);\n")
                .append("if (!defined('ABSPATH')) { define('ABSPATH', __DIR__ . '/'); }\n")
                .append("require_once ABSPATH . 'wp-settings.php';\n");
        return php.toString();
    }

    private static Map<String, Object> tool(Path root, String command, Map<String, ?> args) {
        try {
            Process p = new ProcessBuilder(
                            PHP.toString(),
                            root.resolve("wp-tool.php").toString(),
                            root.toString(),
                            command,
                            JSON.writeValueAsString(args))
                    .redirectErrorStream(false)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("wp-tool " + command + " failed: " + err + out);
            }
            int start = out.indexOf('{');
            return JSON.readValue(start < 0 ? out : out.substring(start), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("wp-tool " + command + " printed no JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest form(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(Objects.toString(e.getValue(), ""), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        // A bound on every form post: a plugin that ignored its own timeout would hang the test, not fail it.
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = WordPressSite.class.getResourceAsStream(RESOURCES + name)) {
            Files.copy(Objects.requireNonNull(in, name), target);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(command + ": " + out);
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            // Files.walk does not follow the links into /usr/share/wordpress and the repository: only they go.
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}

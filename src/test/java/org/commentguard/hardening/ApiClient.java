package org.commentguard.hardening;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small JSON client for the packaged service in the long tests (no RestAssured: it is bound to @QuarkusTest). */
final class ApiClient {

    /** One answer: status, the body as a JSON object (empty for 204) and the headers. */
    record Answer(int status, Map<String, Object> json, HttpHeaders headers) {
        @SuppressWarnings("unchecked")
        <T> T get(String field) {
            return (T) json.get(field);
        }

        /** The first value of a header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ApiClient(URI base) {
        this.base = base;
    }

    Answer send(String method, String path, String key, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Answer(
                response.statusCode(),
                text.isBlank() || !text.startsWith("{") ? Map.of() : Json.read(text),
                response.headers());
    }

    Answer post(String path, String key, Object body) throws IOException, InterruptedException {
        return send("POST", path, key, body);
    }

    /** Creates a site and answers {admin, ingest, moderator...} keys: the first admin key plus the roles asked for. */
    Map<String, String> newSite(String name, String... roles) throws IOException, InterruptedException {
        Answer site = post("/api/v1/sites", ServiceProcess.ADMIN_KEY, Map.of("name", name));
        require(site, 201);
        @SuppressWarnings("unchecked")
        String siteId = (String) ((Map<String, Object>) site.json().get("site")).get("id");
        @SuppressWarnings("unchecked")
        String admin = (String) ((Map<String, Object>) site.json().get("adminKey")).get("key");
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put("siteId", siteId);
        keys.put("admin", admin);
        for (String role : roles) {
            String label = role + "-" + keys.size();
            Answer key = post(
                    "/api/v1/sites/" + siteId + "/keys",
                    admin,
                    Map.of("role", role.replaceAll("\\d+$", ""), "label", label));
            require(key, 201);
            keys.put(role, key.get("key"));
        }
        return keys;
    }

    /** Every comment of an article, through the cursor pages of GET /api/v1/comments. */
    List<Map<String, Object>> allComments(String key, String article) throws IOException, InterruptedException {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            Answer page = send(
                    "GET",
                    "/api/v1/comments?limit=100&article=" + article
                            + (cursor == null
                                    ? ""
                                    : "&cursor="
                                            + java.net.URLEncoder.encode(
                                                    cursor, java.nio.charset.StandardCharsets.UTF_8)),
                    key,
                    null);
            require(page, 200);
            List<Map<String, Object>> items = page.get("items");
            all.addAll(items);
            cursor = page.get("nextCursor");
        } while (cursor != null);
        return all;
    }

    static Answer require(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.json());
        }
        return answer;
    }
}

package org.commentguard.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.commentguard.article.text.SnippetEvaluation;
import org.commentguard.comment.Moderation;
import org.commentguard.platform.error.JsonStrictness;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Article registration with real-sized pages: limits of the article route, pages with stray NUL characters, and the
 * clean text that comes back. Large bodies go through the JDK client (RestAssured is far too slow for them).
 */
@QuarkusTest
class ArticleApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Test
    void fiveMegabytePageRegistersAndComesBackAsItsStory() throws Exception {
        SnippetEvaluation.Page page = SnippetEvaluation.page("holdout", "div-soup-newsletter");
        String html = SnippetEvaluation.inflate(page.html(), 5_000_000);
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4_900_000);

        HttpResponse<String> r = put(
                Moderation.newSite().ingest(), "big-" + UUID.randomUUID(), Map.of("title", page.title(), "html", html));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String text =
                SnippetEvaluation.normalise(JSON.readTree(r.body()).path("text").asText());
        for (String keep : page.keep()) {
            assertThat(text).contains(SnippetEvaluation.normalise(keep));
        }
        assertThat(text).doesNotContain("archive story number").doesNotContain("dataLayer");
    }

    @Test
    void articleBodyOverTheArticleLimitIs413WhileOtherRoutesKeepTheirOneMebibyteLimit() throws Exception {
        String key = Moderation.newSite().ingest();
        HttpResponse<String> tooBig = put(key, "huge", Map.of("title", "T", "html", "x".repeat(9 * 1024 * 1024)));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(tooBig.body()).path("code").asText()).isEqualTo("payload_too_large");

        String twoMebibytes = "{\"externalId\":\"c1\",\"author\":{\"id\":\"a1\"},\"articleId\":\"huge\",\"text\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> comment = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("api/v1/comments"))
                                .header("X-Api-Key", key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(twoMebibytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(comment.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(comment.body()).path("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void htmlLongerThanSixMillionCharactersIsAValidationError() throws Exception {
        HttpResponse<String> r = put(
                Moderation.newSite().ingest(),
                "long",
                Map.of("title", "T", "html", "<p>" + "y".repeat(ArticleRequests.MAX_HTML_CHARS) + "</p>"));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.path("code").asText()).isEqualTo("validation_failed");
        assertThat(problem.path("violations").get(0).path("field").asText()).isEqualTo("html");
    }

    @Test
    void theJsonParserAdmitsStringsAsLongAsTheLargestPage() {
        assertThat(JsonStrictness.MAX_STRING_CHARS).isGreaterThan(ArticleRequests.MAX_HTML_CHARS + 100);
    }

    @Test
    void spanishPageWithAStrayNulCharacterRegistersWithItsAccentsIntact() throws Exception {
        String html = """
                <html lang="es"><head><meta charset="utf-8"><title>Vecinos de Triana piden más sombra</title></head>
                <body><nav><a href="/">Portada</a> <a href="/sevilla">Sevilla</a></nav><article>
                <h1>Vecinos de Triana piden más sombra en la calle Betis</h1>
                <p>La asociación vecinal entregó el lunes 3.200 firmas al distrito para reclamar toldos y árboles en la\u0000
                calle Betis, donde los termómetros superaron los 44 °C durante la última ola de calor.</p>
                <p>«No se puede pasear por la orilla del río a mediodía», lamentó su presidenta, Begoña Núñez, que pidió
                además fuentes públicas y bancos a la sombra antes del próximo verano.</p>
                </article><footer>© Diario de Triana</footer></body></html>""";

        HttpResponse<String> r = put(
                Moderation.newSite().ingest(),
                "es-" + UUID.randomUUID(),
                Map.of("title", "Vecinos de Triana piden más sombra", "html", html));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String text = JSON.readTree(r.body()).path("text").asText();
        assertThat(text)
                .contains("La asociación vecinal entregó el lunes 3.200 firmas")
                .contains("«No se puede pasear por la orilla del río a mediodía»")
                .doesNotContain("\u0000")
                .doesNotContain("Portada")
                .doesNotContain("©");
    }

    @Test
    void plainTextBodyWithANulCharacterRegistersToo() throws Exception {
        HttpResponse<String> r = put(
                Moderation.newSite().ingest(),
                "nul-" + UUID.randomUUID(),
                Map.of("title", "T", "body", "The harbour ferry will run an extra\u0000 sailing on Sundays from May."));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(JSON.readTree(r.body()).path("text").asText())
                .doesNotContain("\u0000")
                .contains("extra");
    }

    @Test
    void commentTextWithANulCharacterIsStillRefused() throws Exception {
        Moderation.TestSite site = Moderation.newSite();
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("api/v1/comments"))
                                .header("X-Api-Key", site.ingest())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                        "externalId",
                                        "c1",
                                        "author",
                                        Map.of("id", "a1"),
                                        "articleId",
                                        site.article(),
                                        "text",
                                        "bad\u0000text"))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("validation_failed");
    }

    private HttpResponse<String> put(String key, String externalId, Map<String, String> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/articles/" + externalId))
                .header("X-Api-Key", key)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

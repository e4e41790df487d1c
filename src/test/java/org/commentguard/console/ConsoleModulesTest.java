package org.commentguard.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's ES modules as a browser loads them: each one served as JavaScript (a module script with another
 * type is refused) under the console's Content-Security-Policy, every relative import naming a module that exists,
 * and every page module registered in the main module. Runs without a browser.
 */
@QuarkusTest
class ConsoleModulesTest {

    private static final Path CONSOLE = Path.of("src/main/resources/META-INF/resources/console");
    /** Static {@code import … from './x.js'}, dynamic {@code import('./x.js')} and the page list's quoted paths. */
    private static final Pattern SPECIFIER =
            Pattern.compile("(?:from\\s+|import\\(\\s*)'([^']+)'|^\\s*'(\\./[^']+\\.js)',", Pattern.MULTILINE);

    /** The ways a script turns a string into markup or code; API strings must only ever become text nodes. */
    private static final Pattern MARKUP_SINKS = Pattern.compile(
            "\\.(innerHTML|outerHTML)\\s*\\+?=|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(");

    private static List<Path> modules() throws IOException {
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            return files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
    }

    private static List<String> specifiers(Path module) throws IOException {
        Matcher m = SPECIFIER.matcher(Files.readString(module));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return found;
    }

    @Test
    void everyModuleIsServedAsJavaScriptUnderTheConsolePolicyAndNeverWritesMarkup() throws IOException {
        List<Path> modules = modules();
        assertThat(modules).hasSizeGreaterThan(5);
        for (Path module : modules) {
            String url = "/console/" + CONSOLE.relativize(module).toString().replace('\\', '/');
            Response response = given().get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.contentType()).as(url).matches("(text|application)/javascript(;.*)?");
            assertThat(response.header("Content-Security-Policy"))
                    .as(url)
                    .isEqualTo(ConsoleRoutes.CONTENT_SECURITY_POLICY)
                    .contains("script-src 'self'");
            assertThat(response.header("X-Content-Type-Options")).as(url).isEqualTo("nosniff");
            assertThat(response.asString()).as(url).doesNotContainPattern(MARKUP_SINKS);
        }
    }

    @Test
    void everyImportNamesAConsoleModuleAndEveryPageIsRegistered() throws IOException {
        TreeSet<Path> imported = new TreeSet<>();
        for (Path module : modules()) {
            for (String specifier : specifiers(module)) {
                // Relative only: nothing is fetched from another origin or a bare package name.
                assertThat(specifier).as("import in %s", module).startsWith(".").endsWith(".js");
                Path target = module.getParent().resolve(specifier).normalize();
                assertThat(target)
                        .as("import %s in %s", specifier, module)
                        .isRegularFile()
                        .startsWith(CONSOLE);
                imported.add(target);
            }
        }
        // A page module that nobody imports is a page the menu and router never show.
        try (Stream<Path> pages = Files.list(CONSOLE.resolve("pages"))) {
            assertThat(pages.filter(p -> p.toString().endsWith(".js")).toList())
                    .isNotEmpty()
                    .allSatisfy(page -> assertThat(imported).as("imports").contains(page));
        }
        assertThat(Files.readString(CONSOLE.resolve("index.html")))
                .contains("<script type=\"module\" src=\"app.js\"></script>");
    }
}

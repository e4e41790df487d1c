import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the Surefire/Failsafe XML reports after a test run and fails when a test class that CI must run did not run
 * every one of its tests: no report, zero tests, or any test skipped (an assumption, a disabled condition, an
 * aborted {@code @BeforeAll}). Surefire counts all of those as success; CI must not.
 *
 * <pre>java .ci/CheckReports.java .ci/must-run.txt target/surefire-reports [target/failsafe-reports ...]</pre>
 *
 * The list has one fully qualified class name per line; {@code #} starts a comment. Skipped tests of other classes
 * are listed with their reasons, for the log, but do not fail the run.
 */
public class CheckReports {

    record Suite(String name, int tests, int skipped, int failed, List<String> skippedReasons) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java .ci/CheckReports.java MUST_RUN_FILE REPORT_DIR...");
            System.exit(2);
        }
        List<String> required = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String name = line.replaceAll("#.*", "").trim();
            if (!name.isEmpty()) {
                required.add(name);
            }
        }
        Map<String, Suite> suites = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            Path dir = Path.of(args[i]);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted()
                        .toList()) {
                    Suite suite = read(file);
                    suites.merge(suite.name(), suite, CheckReports::combine);
                }
            }
        }

        List<String> problems = new ArrayList<>();
        System.out.println("== Test classes CI must run (" + args[0] + "):");
        for (String name : required) {
            Suite suite = suites.get(name);
            String verdict;
            if (suite == null) {
                verdict = "DID NOT RUN (no report)";
            } else if (suite.tests() == 0) {
                verdict = "RAN NO TESTS";
            } else if (suite.skipped() > 0) {
                verdict = suite.skipped() + " OF " + suite.tests() + " TESTS SKIPPED: "
                        + String.join("; ", suite.skippedReasons().stream().distinct().toList());
            } else {
                verdict = null;
            }
            if (verdict == null) {
                System.out.printf("   ok      %s: %d tests, none skipped%n", name, suite.tests());
            } else {
                System.out.printf("   FAILED  %s: %s%n", name, verdict);
                problems.add(name + ": " + verdict);
            }
        }
        List<Suite> otherSkips = suites.values().stream()
                .filter(s -> !required.contains(s.name()) && (s.skipped() > 0 || s.tests() == 0)).toList();
        if (!otherSkips.isEmpty()) {
            System.out.println("== Other classes with skipped tests (allowed):");
            for (Suite s : otherSkips) {
                System.out.printf("   %s: %d of %d skipped (%s)%n", s.name(), s.skipped(), s.tests(),
                        s.tests() == 0 ? "no tests ran" : String.join("; ", s.skippedReasons().stream().distinct()
                                .toList()));
            }
        }
        if (!problems.isEmpty()) {
            System.out.println("== FAILED: " + problems.size() + " required test class(es) did not run completely."
                    + " Surefire counts skipped tests as passed; CI does not.");
            System.exit(1);
        }
    }

    private static Suite read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc;
        try {
            doc = factory.newDocumentBuilder().parse(file.toFile());
        } catch (IOException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("unreadable test report " + file + ": " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        List<String> reasons = new ArrayList<>();
        NodeList skipped = root.getElementsByTagName("skipped");
        for (int i = 0; i < skipped.getLength(); i++) {
            Element skip = (Element) skipped.item(i);
            Element testcase = (Element) skip.getParentNode();
            String message = skip.getAttribute("message");
            reasons.add(testcase.getAttribute("name") + " (" + (message.isBlank() ? "no reason given" : message) + ")");
        }
        return new Suite(root.getAttribute("name"), intAttribute(root, "tests"), intAttribute(root, "skipped"),
                intAttribute(root, "failures") + intAttribute(root, "errors"), reasons);
    }

    private static Suite combine(Suite a, Suite b) {
        List<String> reasons = new ArrayList<>(a.skippedReasons());
        reasons.addAll(b.skippedReasons());
        return new Suite(a.name(), a.tests() + b.tests(), a.skipped() + b.skipped(), a.failed() + b.failed(), reasons);
    }

    private static int intAttribute(Element e, String name) {
        String value = e.getAttribute(name);
        return value.isBlank() ? 0 : (int) Double.parseDouble(value);
    }
}

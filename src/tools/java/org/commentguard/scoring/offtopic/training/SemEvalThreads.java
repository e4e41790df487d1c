package org.commentguard.scoring.offtopic.training;

import org.commentguard.scoring.ScoringContext.ArticleText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SemEval-2015 task 3 (Qatar Living) test set, for evaluation only: each question as an article, with its
 * English answers as {@code {text, gold label}}, in the file's order.
 */
record SemEvalThreads(List<ArticleText> questions, List<List<String[]>> answers) {

    /** Reads {@code test_task3_English.xml} and {@code CQA-QL-test-gold.txt} from {@code dir}; empty if absent. */
    static Optional<SemEvalThreads> load(Path dir) throws IOException {
        Path xml = dir.resolve("test_task3_English.xml");
        Path gold = dir.resolve("CQA-QL-test-gold.txt");
        if (!Files.exists(xml) || !Files.exists(gold)) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                labels.put(f[0].strip(), f[1].strip());
            }
        }
        Document doc = Jsoup.parse(Files.readString(xml, StandardCharsets.UTF_8), "", Parser.xmlParser());
        List<ArticleText> questions = new ArrayList<>();
        List<List<String[]>> answers = new ArrayList<>();
        for (Element q : doc.select("Question")) {
            questions.add(new ArticleText(
                    q.selectFirst("QSubject").text(), q.selectFirst("QBody").text()));
            List<String[]> cs = new ArrayList<>();
            for (Element c : q.select("Comment")) {
                String label = labels.get(c.attr("CID"));
                if (label != null && !label.equals("Not English")) {
                    cs.add(new String[] {c.selectFirst("CBody").text(), label});
                }
            }
            answers.add(cs);
        }
        return Optional.of(new SemEvalThreads(questions, answers));
    }
}

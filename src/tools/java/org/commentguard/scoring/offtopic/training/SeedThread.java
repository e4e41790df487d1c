package org.commentguard.scoring.offtopic.training;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the comments of a saved ZeroHedge page (the seed pages' plain-text form): after a line {@code Comments},
 * each comment starts with a header {@code <author> [<replied-to author>] <Day>, MM/DD/YYYY - HH:MM Permalink},
 * its paragraphs follow, and a reply ends with {@code In reply to by <author>}. A reply's parent is the nearest
 * earlier comment of the thread by that author, when the page holds one.
 */
public final class SeedThread {

    /**
     * @param author   the commenter
     * @param replyTo  the author it replies to, or null
     * @param text     the comment, paragraphs joined by newlines
     * @param parent   index of the parent comment in the thread, or -1
     */
    public record Comment(String author, String replyTo, String text, int parent) {}

    private static final Pattern HEADER =
            Pattern.compile("^(.+?) (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d/\\d\\d/\\d{4} - \\d\\d:\\d\\d Permalink$");
    private static final String REPLY = "In reply to by ";

    private SeedThread() {}

    /** The comments of the page in page order; empty when it has no comment section. */
    public static List<Comment> parse(String page) {
        String[] lines = page.split("\\R");
        int start = 0;
        while (start < lines.length && !lines[start].strip().equals("Comments")) {
            start++;
        }
        List<String> headers = new ArrayList<>();
        List<List<String>> bodies = new ArrayList<>();
        for (int i = start + 1; i < lines.length; i++) {
            String l = lines[i].strip();
            Matcher m = HEADER.matcher(l);
            if (m.matches()) {
                headers.add(m.group(1));
                bodies.add(new ArrayList<>());
            } else if (!bodies.isEmpty() && !l.isEmpty()) {
                bodies.get(bodies.size() - 1).add(l);
            }
        }
        List<Comment> out = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            List<String> body = bodies.get(c);
            String replyTo = null;
            if (!body.isEmpty() && body.get(body.size() - 1).startsWith(REPLY)) {
                replyTo = body.remove(body.size() - 1).substring(REPLY.length()).strip();
            }
            String author = headers.get(c);
            if (replyTo != null && author.endsWith(" " + replyTo)) {
                author = author.substring(0, author.length() - replyTo.length() - 1)
                        .strip();
            }
            int parent = -1;
            for (int p = out.size() - 1; p >= 0 && replyTo != null; p--) {
                if (out.get(p).author().equals(replyTo)) {
                    parent = p;
                    break;
                }
            }
            out.add(new Comment(author, replyTo, String.join("\n", body), parent));
        }
        return out;
    }
}

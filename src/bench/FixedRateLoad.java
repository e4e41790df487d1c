import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate (what wrk cannot do): requests are sent on a fixed schedule whether or not earlier
 * ones have answered, and each latency is measured from the request's scheduled time, so a stalled server shows up
 * in the percentiles instead of slowing the client down (no coordinated omission).
 *
 * <pre>java src/bench/FixedRateLoad.java URL KEY RATE SECONDS score|comments [ARTICLE]</pre>
 */
public class FixedRateLoad {

    private static final String[] TEXTS = {
        "Finally a tram line. The buses on this route are late every single morning.",
        "You are an idiot if you think this will ever be finished on budget.",
        "The council should publish the full cost estimate before the next vote.",
        "What a load of crap, this city never learns from its mistakes.",
        "Check out cheap watches at http://spam.example/deals, best prices!!!",
        "I ride the line every day and the new timetable is a real improvement."
    };
    private static final String ARTICLE =
            "\"article\": {\"title\": \"Council approves tram line\", \"body\": \"The city "
                    + "council approved the new tram line on Tuesday after a long debate about costs. Construction starts next "
                    + "spring and the line should open in three years. Opponents say the budget is unrealistic.\"}";

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: FixedRateLoad URL KEY RATE SECONDS score|comments [ARTICLE]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        String key = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        boolean comments = args[4].equals("comments");
        String article = args.length > 5 ? args[5] : null;
        String run = Long.toString(System.currentTimeMillis(), 36);

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int total = (int) Math.round(rate * seconds);
        long interval = Math.round(1e9 / rate);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String text = TEXTS[i % TEXTS.length];
            String body = comments
                    ? "{\"externalId\": \"fr-" + run + "-" + i + "\", \"articleId\": \"" + article + "\", \"author\": "
                            + "{\"id\": \"reader-" + (i % 97) + "\"}, \"text\": \"" + text + "\"}"
                    : "{\"text\": \"" + text + "\", " + ARTICLE + ", \"parent\": {\"text\": \"Costs are rising.\"}}";
            HttpRequest request = HttpRequest.newBuilder(base.resolve(comments ? "/api/v1/comments" : "/api/v1/score"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        latencies.add(System.nanoTime() - scheduled);
                        if (failure != null || response.statusCode() >= 300) {
                            errors.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "%s at %.0f req/s offered for %d s: %d requests, %.1f req/s completed, %d errors%n",
                comments ? "/api/v1/comments" : "/api/v1/score",
                rate,
                seconds,
                sorted.size(),
                sorted.size() / elapsed,
                errors.get());
        System.out.printf(
                "latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}

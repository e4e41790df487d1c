package org.commentguard.quota;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Work waiting for a scoring worker, one FIFO per site, served by deficit round robin: each turn a site may take
 * work worth {@code quantum} cost units (carried over while unused), so every waiting site gets the same share of
 * the workers whatever the others have queued. A site's burst therefore delays its own work, and another site's
 * single comment waits for at most about one item per busy site. Not thread-safe: {@link ScoringScheduler} holds
 * its lock around every call.
 *
 * @param <K> the site
 * @param <T> a unit of work
 */
final class FairQueue<K, T> {

    private final long quantum;
    private final Map<K, Lane<T>> lanes = new HashMap<>();
    /** Sites with waiting work, in turn order; the head is the site being served. */
    private final ArrayDeque<K> turns = new ArrayDeque<>();
    private int size;
    private long cost;

    FairQueue(long quantum) {
        if (quantum < 1) {
            throw new IllegalArgumentException("quantum must be positive");
        }
        this.quantum = quantum;
    }

    private static final class Lane<T> {
        final ArrayDeque<Entry<T>> items = new ArrayDeque<>();
        long deficit;
        long cost;
        boolean turnStarted;
    }

    private record Entry<T>(T item, long cost) {
    }

    void add(K site, T item, long itemCost) {
        if (itemCost < 1) {
            throw new IllegalArgumentException("cost must be positive");
        }
        Lane<T> lane = lanes.computeIfAbsent(site, k -> {
            // A site that was idle joins at the back of the round, with no credit saved from earlier turns.
            turns.addLast(k);
            return new Lane<>();
        });
        lane.items.addLast(new Entry<>(item, itemCost));
        lane.cost += itemCost;
        size++;
        cost += itemCost;
    }

    /** The next unit of work in fair order, or null when nothing waits. */
    T poll() {
        while (!turns.isEmpty()) {
            K site = turns.peekFirst();
            Lane<T> lane = lanes.get(site);
            if (!lane.turnStarted) {
                lane.deficit += quantum;
                lane.turnStarted = true;
            }
            Entry<T> head = lane.items.peekFirst();
            if (head.cost() <= lane.deficit) {
                lane.items.pollFirst();
                lane.deficit -= head.cost();
                taken(site, lane, head.cost());
                return head.item();
            }
            // Not enough credit left for its next item: the turn passes, the credit is kept for the next round.
            lane.turnStarted = false;
            turns.addLast(turns.pollFirst());
        }
        return null;
    }

    /** Removes the waiting work of {@code site} that matches, for instance a request that gave up. */
    int removeIf(K site, Predicate<T> match) {
        Lane<T> lane = lanes.get(site);
        if (lane == null) {
            return 0;
        }
        int removed = 0;
        for (Iterator<Entry<T>> it = lane.items.iterator(); it.hasNext(); ) {
            Entry<T> e = it.next();
            if (match.test(e.item())) {
                it.remove();
                lane.cost -= e.cost();
                size--;
                cost -= e.cost();
                removed++;
            }
        }
        if (lane.items.isEmpty()) {
            lanes.remove(site);
            turns.remove(site);
        }
        return removed;
    }

    /**
     * The cost that will be served before new work of {@code site} costing {@code newCost} is done, if it were
     * added now: the site's own queue and the new work, plus from every other site as much as that (round robin
     * serves them side by side) or all it has, whichever is less.
     */
    long costUntilDone(K site, long newCost) {
        Lane<T> own = lanes.get(site);
        long mine = (own == null ? 0 : own.cost) + newCost;
        long total = mine;
        for (Map.Entry<K, Lane<T>> e : lanes.entrySet()) {
            if (!e.getKey().equals(site)) {
                total += Math.min(e.getValue().cost, mine);
            }
        }
        return total;
    }

    int size() {
        return size;
    }

    long cost() {
        return cost;
    }

    private void taken(K site, Lane<T> lane, long itemCost) {
        lane.cost -= itemCost;
        size--;
        cost -= itemCost;
        if (lane.items.isEmpty()) {
            // An emptied lane leaves the round and forfeits its credit, as in deficit round robin.
            lanes.remove(site);
            turns.pollFirst();
        }
    }
}

package org.commentguard.quota;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Work waiting for a scoring worker, one FIFO per site, served by deficit round robin: each turn a site may take
 * work worth {@code quantum} cost units (carried over while unused), so every waiting site gets the same share of
 * the workers whatever the others have queued. A site's burst therefore delays its own work.
 *
 * <p>A site that had nothing waiting is served before the round, for one quantum (the sparse-flow priority of
 * FQ-CoDel): a quiet site's single comment is the next one a worker takes, instead of waiting until the round comes
 * past it. It cannot be used to jump the queue with more than one quantum at a time: work that does not fit goes
 * to the back of the round, and a site's work only counts as new again once it has none waiting. Sites that may
 * not take a worker now (at their limit of running work, see {@link #poll(Predicate)}) keep their place.
 *
 * <p>Not thread-safe: {@link ScoringScheduler} holds its lock around every call.
 *
 * @param <K> the site
 * @param <T> a unit of work
 */
final class FairQueue<K, T> {

    private final long quantum;
    private final Map<K, Lane<T>> lanes = new HashMap<>();
    /** Sites whose work arrived while they had none waiting, in arrival order: served before the round. */
    private final ArrayDeque<K> fresh = new ArrayDeque<>();
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

    private record Entry<T>(T item, long cost) {}

    void add(K site, T item, long itemCost) {
        if (itemCost < 1) {
            throw new IllegalArgumentException("cost must be positive");
        }
        Lane<T> lane = lanes.computeIfAbsent(site, k -> {
            // A site that had nothing waiting goes ahead of the round with one quantum of credit; none is saved from
            // its earlier turns.
            fresh.addLast(k);
            Lane<T> created = new Lane<>();
            created.deficit = quantum;
            return created;
        });
        lane.items.addLast(new Entry<>(item, itemCost));
        lane.cost += itemCost;
        size++;
        cost += itemCost;
    }

    /** The next unit of work in fair order, or null when nothing waits. */
    T poll() {
        return poll(site -> true);
    }

    /**
     * The next unit of work in fair order from the sites that {@code mayRun} (for instance those below their limit of
     * running work), or null when none of them has work waiting. The others keep their place and their credit.
     */
    T poll(Predicate<? super K> mayRun) {
        for (Iterator<K> it = fresh.iterator(); it.hasNext(); ) {
            K site = it.next();
            if (!mayRun.test(site)) {
                continue;
            }
            T item = take(site, lanes.get(site));
            if (item != null) {
                if (!lanes.containsKey(site)) {
                    it.remove();
                }
                return item;
            }
            // Its turn is over (its next item is larger than the credit left): it joins the back of the round like any
            // other site, keeping that credit, as after any turn.
            it.remove();
            turns.addLast(site);
        }
        List<K> waiting = null;
        T next = null;
        while (!turns.isEmpty()) {
            K site = turns.peekFirst();
            if (!mayRun.test(site)) {
                if (waiting == null) {
                    waiting = new ArrayList<>();
                }
                waiting.add(turns.pollFirst());
                continue;
            }
            Lane<T> lane = lanes.get(site);
            if (!lane.turnStarted) {
                lane.deficit += quantum;
                lane.turnStarted = true;
            }
            next = take(site, lane);
            if (next != null) {
                if (!lanes.containsKey(site)) {
                    turns.pollFirst();
                }
                break;
            }
            // Not enough credit left for its next item: the turn passes, the credit is kept for the next round.
            lane.turnStarted = false;
            turns.addLast(turns.pollFirst());
        }
        if (waiting != null) {
            // Sites that could not run keep their place at the front, in their order.
            for (int i = waiting.size() - 1; i >= 0; i--) {
                turns.addFirst(waiting.get(i));
            }
        }
        return next;
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
            fresh.remove(site);
        }
        return removed;
    }

    /**
     * The cost that will be served before new work of {@code site} costing {@code newCost} is done, if it were
     * added now: the site's own queue and the new work, plus from every other site as much as that (round robin
     * serves them side by side) or all it has, whichever is less. A site with nothing waiting whose new work fits in
     * one quantum is served before the round: only what is left of the other new sites' turns is ahead of it.
     */
    long costUntilDone(K site, long newCost) {
        Lane<T> own = lanes.get(site);
        if (own == null && newCost <= quantum) {
            long total = newCost;
            for (K other : fresh) {
                // What is left of their turn ahead of the round.
                total += Math.min(lanes.get(other).cost, Math.max(0, lanes.get(other).deficit));
            }
            return total;
        }
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

    /** Units of work {@code site} has waiting. */
    int size(K site) {
        Lane<T> lane = lanes.get(site);
        return lane == null ? 0 : lane.items.size();
    }

    /** Cost units of {@code site}'s waiting work. */
    long cost(K site) {
        Lane<T> lane = lanes.get(site);
        return lane == null ? 0 : lane.cost;
    }

    /**
     * Takes the lane's next item if its credit covers it, else answers null. An emptied lane is dropped (the caller
     * takes it out of its turn order) and forfeits its credit, as in deficit round robin.
     */
    private T take(K site, Lane<T> lane) {
        Entry<T> head = lane.items.peekFirst();
        if (head.cost() > lane.deficit) {
            return null;
        }
        lane.items.pollFirst();
        lane.deficit -= head.cost();
        lane.cost -= head.cost();
        size--;
        cost -= head.cost();
        if (lane.items.isEmpty()) {
            lanes.remove(site);
        }
        return head.item();
    }
}

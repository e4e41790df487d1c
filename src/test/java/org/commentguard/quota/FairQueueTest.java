package org.commentguard.quota;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FairQueueTest {

    private final FairQueue<String, String> queue = new FairQueue<>(1000);

    private List<String> drain() {
        List<String> order = new ArrayList<>();
        for (String item; (item = queue.poll()) != null; ) {
            order.add(item);
        }
        return order;
    }

    @Test
    void aSingleCommentOfAQuietSiteOvertakesAnotherSitesBurst() {
        for (int i = 0; i < 100; i++) {
            queue.add("A", "a" + i, 1100);
        }
        queue.add("B", "b0", 1100);
        List<String> order = drain();
        // A had its turn first (it was there first); B's one comment is served right after A's first.
        assertThat(order.subList(0, 3)).containsExactly("a0", "b0", "a1");
        assertThat(order).hasSize(101);
    }

    @Test
    void sitesAlternateByCostNotByCountOfItems() {
        // A sends long comments (2,000 units each), B short ones (500): per round each gets 1,000 units of work.
        for (int i = 0; i < 4; i++) {
            queue.add("A", "A" + i, 2000);
        }
        for (int i = 0; i < 8; i++) {
            queue.add("B", "b" + i, 500);
        }
        assertThat(drain()).containsExactly("b0", "b1", "A0", "b2", "b3", "b4", "b5", "A1", "b6", "b7", "A2",
                "A3");
    }

    @Test
    void eachSiteKeepsItsOwnOrder() {
        queue.add("A", "a0", 300);
        queue.add("B", "b0", 300);
        queue.add("A", "a1", 300);
        queue.add("C", "c0", 300);
        queue.add("B", "b1", 300);
        List<String> order = drain();
        assertThat(order.stream().filter(s -> s.startsWith("a"))).containsExactly("a0", "a1");
        assertThat(order.stream().filter(s -> s.startsWith("b"))).containsExactly("b0", "b1");
        assertThat(order).hasSize(5);
    }

    @Test
    void aSiteThatWentIdleRejoinsAtTheBackWithoutSavedCredit() {
        queue.add("A", "a0", 600);
        assertThat(queue.poll()).isEqualTo("a0");
        queue.add("B", "b0", 600);
        queue.add("A", "a1", 600);
        assertThat(drain()).containsExactly("b0", "a1");
    }

    @Test
    void removedWorkIsNeitherServedNorCounted() {
        queue.add("A", "a0", 100);
        queue.add("A", "a1", 200);
        queue.add("B", "b0", 400);
        assertThat(queue.removeIf("A", s -> true)).isEqualTo(2);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.cost()).isEqualTo(400);
        assertThat(drain()).containsExactly("b0");
    }

    @Test
    void theCostUntilDoneCountsAsMuchOfEveryOtherSiteAsOfTheSiteItself() {
        for (int i = 0; i < 50; i++) {
            queue.add("A", "a" + i, 1000);
        }
        queue.add("C", "c0", 200);
        // B's new 1,000 units: its own, 1,000 of A's 50,000 and all 200 of C's.
        assertThat(queue.costUntilDone("B", 1000)).isEqualTo(2200);
        // Another 1,000 for A waits behind all of A's own work plus C's.
        assertThat(queue.costUntilDone("A", 1000)).isEqualTo(51_200);
    }

    @Test
    void workWithoutCostIsRefused() {
        assertThatThrownBy(() -> queue.add("A", "x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

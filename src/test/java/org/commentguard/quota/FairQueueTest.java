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
    void aQuietSitesCommentArrivingDuringAnotherSitesBurstIsTheNextOneServed() {
        for (int i = 0; i < 10; i++) {
            queue.add("A", "a" + i, 1000);
        }
        // Two workers took A's first comments; A is in the middle of its turn when B's single comment arrives.
        assertThat(queue.poll()).isEqualTo("a0");
        assertThat(queue.poll()).isEqualTo("a1");
        queue.add("B", "b0", 900);
        assertThat(queue.poll()).isEqualTo("b0");
        assertThat(queue.poll()).isEqualTo("a2");
    }

    @Test
    void aNewSitesWorkLargerThanOneTurnWaitsForTheRoundLikeAnyOther() {
        for (int i = 0; i < 10; i++) {
            queue.add("A", "a" + i, 1000);
        }
        assertThat(queue.poll()).isEqualTo("a0");
        // 20,000 characters cost 20 turns: it is not served ahead of the round, but takes its turns like A.
        queue.add("B", "long", 20_300);
        List<String> order = drain();
        assertThat(order.get(0)).isEqualTo("a1");
        assertThat(order).contains("long").hasSize(10);
        assertThat(order.indexOf("long")).isPositive();
    }

    @Test
    void aSiteIsAheadOfTheRoundForOneTurnOnlyUntilItHasNothingWaiting() {
        for (int i = 0; i < 10; i++) {
            queue.add("A", "a" + i, 500);
        }
        assertThat(queue.poll()).isEqualTo("a0");
        assertThat(queue.poll()).isEqualTo("a1");
        // B's three comments are worth 1,800 units: the first 1,000 go ahead, the rest takes turns with A.
        queue.add("B", "b0", 600);
        queue.add("B", "b1", 600);
        queue.add("B", "b2", 600);
        List<String> order = drain();
        assertThat(order.subList(0, 3)).containsExactly("b0", "a2", "a3");
        assertThat(order.stream().filter(s -> s.startsWith("b"))).containsExactly("b0", "b1", "b2");
        // Once B had nothing waiting, its next comment is new again.
        queue.add("A", "a10", 500);
        queue.add("A", "a11", 500);
        queue.add("A", "a12", 500);
        assertThat(queue.poll()).isEqualTo("a10");
        queue.add("B", "b3", 600);
        assertThat(queue.poll()).isEqualTo("a11");
        assertThat(queue.poll()).isEqualTo("b3");
    }

    @Test
    void aSiteThatMayNotRunNowKeepsItsPlaceAndItsWork() {
        queue.add("A", "a0", 500);
        queue.add("A", "a1", 500);
        queue.add("B", "b0", 500);
        queue.add("B", "b1", 500);
        // A is at its limit of running work: only B is served, and nothing at all once B has nothing left.
        assertThat(queue.poll(site -> !site.equals("A"))).isEqualTo("b0");
        assertThat(queue.poll(site -> !site.equals("A"))).isEqualTo("b1");
        assertThat(queue.poll(site -> !site.equals("A"))).isNull();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(drain()).containsExactly("a0", "a1");
    }

    @Test
    void aSiteInTheRoundThatMayNotRunKeepsItsTurnForWhenItMay() {
        for (int i = 0; i < 6; i++) {
            queue.add("A", "a" + i, 1000);
            queue.add("C", "c" + i, 1000);
        }
        assertThat(queue.poll()).isEqualTo("a0");
        assertThat(queue.poll()).isEqualTo("c0");
        assertThat(queue.poll()).isEqualTo("a1");
        // A's turn is next but it may not run: C is served meanwhile, and A goes first again once it may.
        assertThat(queue.poll(site -> !site.equals("A"))).isEqualTo("c1");
        assertThat(queue.poll()).isEqualTo("a2");
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
        assertThat(drain()).containsExactly("b0", "b1", "A0", "b2", "b3", "b4", "b5", "A1", "b6", "b7", "A2", "A3");
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
        assertThat(queue.poll()).isEqualTo("a0");
        assertThat(queue.poll()).isEqualTo("c0");
        queue.add("C", "c1", 200);
        // B's new 2,000 units (more than one turn): its own, 2,000 of A's 49,000 and all 200 of C's.
        assertThat(queue.costUntilDone("B", 2000)).isEqualTo(4200);
        // Another 1,000 for A waits behind all of A's own work plus C's.
        assertThat(queue.costUntilDone("A", 1000)).isEqualTo(50_200);
    }

    @Test
    void theCostUntilDoneOfANewSitesSingleCommentCountsOnlyOtherNewSitesFirstTurns() {
        for (int i = 0; i < 50; i++) {
            queue.add("A", "a" + i, 1000);
        }
        assertThat(queue.poll()).isEqualTo("a0");
        // A is in the round: none of its 49,000 units is ahead of B's comment.
        assertThat(queue.costUntilDone("B", 900)).isEqualTo(900);
        queue.add("C", "c0", 300);
        queue.add("C", "c1", 300);
        // C arrived first with nothing waiting: its 600 units are served before B's.
        assertThat(queue.costUntilDone("B", 900)).isEqualTo(1500);
    }

    @Test
    void workWithoutCostIsRefused() {
        assertThatThrownBy(() -> queue.add("A", "x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.commentguard.scoring.spam;

import java.util.Arrays;

/** Immutable-after-build open-addressing map from long keys to int values; avoids boxing on the hot path. */
final class LongIntMap {

    private final long[] keys;
    private final int[] values;
    private final boolean[] used;
    private final int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        Arrays.fill(values, -1);
    }

    void put(long key, int value) {
        int i = slot(key);
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
    }

    /** The value for the key, or -1. */
    int get(long key) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private int slot(long key) {
        return (int) (SpamText.mix(key) >>> 40) & mask;
    }
}

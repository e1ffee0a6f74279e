package io.driftproof.agent.delta;

import java.util.HexFormat;

/**
 * A set of SHA-256 content hashes in little memory: the first 128 bits of each, in an
 * open-addressing table of longs. A first snapshot can ship tens of thousands of contents;
 * as strings their hashes alone would take megabytes.
 */
final class ContentHashes {

    private long[] table = new long[2 * 64];
    private int size;

    /** @return true when {@code sha256} (64 hex digits) was not in the set yet */
    boolean add(String sha256) {
        long high = HexFormat.fromHexDigitsToLong(sha256, 0, 16);
        long low = HexFormat.fromHexDigitsToLong(sha256, 16, 32);
        if (high == 0 && low == 0) {
            // 0/0 marks an empty slot; this content hash is as likely as any collision.
            low = 1;
        }
        if (2 * (size + 1) > table.length / 2) {
            grow();
        }
        if (!insert(table, high, low)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, long high, long low) {
        int slots = table.length / 2;
        int slot = (int) ((low ^ (low >>> 32)) & (slots - 1));
        while (table[2 * slot] != 0 || table[2 * slot + 1] != 0) {
            if (table[2 * slot] == high && table[2 * slot + 1] == low) {
                return false;
            }
            slot = (slot + 1) & (slots - 1);
        }
        table[2 * slot] = high;
        table[2 * slot + 1] = low;
        return true;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0 || table[i + 1] != 0) {
                insert(bigger, table[i], table[i + 1]);
            }
        }
        table = bigger;
    }
}

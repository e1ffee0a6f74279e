package io.driftproof.agent.delta;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashesTest {

    @Test
    void remembersEachHashOnceThroughGrowth() throws Exception {
        ContentHashes set = new ContentHashes();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 10_000; i++) {
            assertThat(set.add(HexFormat.of().formatHex(sha256.digest(("c" + i).getBytes())))).isTrue();
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(set.add(HexFormat.of().formatHex(sha256.digest(("c" + i).getBytes())))).isFalse();
        }
        assertThat(set.add("0".repeat(64))).isTrue();
        assertThat(set.add("0".repeat(64))).isFalse();
    }
}

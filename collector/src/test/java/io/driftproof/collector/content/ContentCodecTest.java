package io.driftproof.collector.content;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentCodecTest {

    @Test
    void deflateRoundTripsAndShrinksText() {
        byte[] text = "PermitRootLogin no\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] packed = ContentCodec.deflate(text);
        assertThat(packed.length).isLessThan(text.length / 10);
        assertThat(ContentCodec.inflate(packed, text.length)).isEqualTo(text);
        assertThat(ContentCodec.inflate(ContentCodec.deflate(new byte[0]), 0)).isEmpty();
    }

    @Test
    void truncatedDataIsReportedAsCorrupt() {
        byte[] packed = ContentCodec.deflate("hello hello hello".getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(packed, packed.length / 2);
        assertThatThrownBy(() -> ContentCodec.inflate(cut, 17)).hasMessageContaining("corrupt");
    }

    @Test
    void sha256IsLowerCaseHex() {
        assertThat(ContentCodec.sha256Hex("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

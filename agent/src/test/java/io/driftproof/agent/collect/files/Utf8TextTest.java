package io.driftproof.agent.collect.files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class Utf8TextTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // plain ASCII config
                arguments("ASCII", "PermitRootLogin no\n".getBytes(StandardCharsets.US_ASCII), true),
                // an empty file is text
                arguments("empty", new byte[0], true),
                // two-, three- and four-byte sequences
                arguments("UTF-8", "# Müller — ☃ 🔑\n".getBytes(StandardCharsets.UTF_8), true),
                // NUL anywhere makes it binary (ELF, gzip, ld.so.cache ...)
                arguments("NUL", bytes('a', 0, 'b'), false),
                // Latin-1 é is not UTF-8
                arguments("Latin-1", bytes('c', 'a', 'f', 0xe9, '\n'), false),
                // a sequence cut off at the end
                arguments("truncated", bytes('a', 0xe2, 0x82), false),
                // an overlong encoding of '/'
                arguments("overlong", bytes(0xc0, 0xaf), false),
                arguments("overlong 3-byte", bytes(0xe0, 0x80, 0xaf), false),
                // UTF-16 surrogates are not allowed in UTF-8
                arguments("surrogate", bytes(0xed, 0xa0, 0x80), false),
                // beyond U+10FFFF
                arguments("too high", bytes(0xf4, 0x90, 0x80, 0x80), false),
                // a continuation byte without a lead byte
                arguments("stray continuation", bytes('a', 0x80), false),
                // a UTF-8 byte-order mark is text
                arguments("BOM", bytes(0xef, 0xbb, 0xbf, 'x'), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isText(String name, byte[] data, boolean text) {
        assertThat(Utf8Text.isText(data, data.length)).isEqualTo(text);
    }
}

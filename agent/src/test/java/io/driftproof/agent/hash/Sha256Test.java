package io.driftproof.agent.hash;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @Test
    void agreesWithTheJdkBeforeAndAfterMovingToLibcryptoOverChunksFromTheBufferPosition() throws Exception {
        byte[] data = new byte[1_000_003];
        new Random(7).nextBytes(data);
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        Sha256 sha256 = Sha256.create();
        // Enough rounds to pass the point where the hasher moves to libcrypto (where installed).
        for (int round = 0; round < Sha256.NATIVE_AFTER / data.length + 3; round++) {
            sha256.reset();
            for (int offset = 0; offset < data.length; offset += buffer.capacity() - 1) {
                int n = Math.min(buffer.capacity() - 1, data.length - offset);
                buffer.clear();
                buffer.put((byte) 0).put(data, offset, n).flip();
                buffer.position(1);
                sha256.update(buffer, n);
            }
            assertThat(sha256.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
            assertThat(sha256.digest(data)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
            if (round % 4 == 3) {
                sha256.close();
            }
        }
    }
}

package io.driftproof.agent.hash;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.logging.Logger;

/**
 * SHA-256 over bytes read into a direct buffer. Large scans hash with the host's OpenSSL
 * (libcrypto) where it is installed: it uses the CPU's SHA instructions, while the JDK's
 * implementation only does so in C2-compiled code, which the agent's service flags (C1 only, for
 * a small footprint) leave out; there the JDK hashes about 20 times slower. Loading libcrypto
 * through JNA costs about 150 ms, more than the JDK needs for a few megabytes, so instances start
 * with the JDK and move to libcrypto once the process has hashed {@link #NATIVE_AFTER} bytes.
 * One instance per thread.
 */
public abstract class Sha256 {

    private static final Logger LOG = Logger.getLogger(Sha256.class.getName());
    static final long NATIVE_AFTER = 8L * 1024 * 1024;
    /** Bytes hashed by every instance of this process, until the move to libcrypto. */
    private static final java.util.concurrent.atomic.AtomicLong HASHED = new java.util.concurrent.atomic.AtomicLong();

    public static Sha256 create() {
        return new Adaptive();
    }

    public abstract void reset();

    /** Hashes {@code length} bytes of {@code data} (a direct buffer) from its position. */
    public abstract void update(ByteBuffer data, int length);

    /** SHA-256 of a small heap array in one call (item fingerprints). */
    public abstract byte[] digest(byte[] data);

    public abstract byte[] digest();

    /** Releases native resources; the instance may be used again. */
    public void close() {
    }

    /** The JDK's implementation until enough bytes went through the process, then libcrypto where available. */
    private static final class Adaptive extends Sha256 {
        private Sha256 current = new Jdk();
        private boolean settled;

        @Override
        public void reset() {
            if (!settled && HASHED.get() >= NATIVE_AFTER) {
                settled = true;
                if (Libcrypto.AVAILABLE) {
                    current = new Libcrypto();
                }
            }
            current.reset();
        }

        @Override
        public void update(ByteBuffer data, int length) {
            count(length);
            current.update(data, length);
        }

        @Override
        public byte[] digest(byte[] data) {
            reset();
            count(data.length);
            return current.digest(data);
        }

        private void count(long bytes) {
            if (!settled) {
                HASHED.addAndGet(bytes);
            }
        }

        @Override
        public byte[] digest() {
            return current.digest();
        }

        @Override
        public void close() {
            current.close();
        }
    }

    private static final class Jdk extends Sha256 {
        private final MessageDigest digest;

        Jdk() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by the Java platform", e);
            }
        }

        @Override
        public void reset() {
            digest.reset();
        }

        @Override
        public void update(ByteBuffer data, int length) {
            digest.update(data.duplicate().limit(data.position() + length));
        }

        @Override
        public byte[] digest() {
            return digest.digest();
        }

        @Override
        public byte[] digest(byte[] data) {
            return digest.digest(data);
        }
    }

    /** libcrypto's EVP interface through JNA's direct mapping. */
    private static final class Libcrypto extends Sha256 {
        static final boolean AVAILABLE = load();
        private static com.sun.jna.Pointer sha256;

        private final byte[] out = new byte[32];
        /** Allocated on first use and again after {@link #close}. */
        private com.sun.jna.Pointer context;

        private static boolean load() {
            for (String name : new String[] {"libcrypto.so.3", "libcrypto.so.1.1", "crypto"}) {
                try {
                    com.sun.jna.Native.register(Libcrypto.class, com.sun.jna.NativeLibrary.getInstance(name));
                    sha256 = EVP_sha256();
                    LOG.fine("hashing with OpenSSL (" + name + ")");
                    return true;
                } catch (UnsatisfiedLinkError | RuntimeException e) {
                    // try the next name
                }
            }
            LOG.info("OpenSSL's libcrypto is not installed; hashing with the JDK (slower without the C2 compiler)");
            return false;
        }

        private static native com.sun.jna.Pointer EVP_MD_CTX_new();

        private static native void EVP_MD_CTX_free(com.sun.jna.Pointer context);

        private static native com.sun.jna.Pointer EVP_sha256();

        private static native int EVP_DigestInit_ex(com.sun.jna.Pointer context, com.sun.jna.Pointer type, com.sun.jna.Pointer engine);

        private static native int EVP_DigestUpdate(com.sun.jna.Pointer context, ByteBuffer data, long length);

        private static native int EVP_DigestUpdate(com.sun.jna.Pointer context, byte[] data, long length);

        private static native int EVP_DigestFinal_ex(com.sun.jna.Pointer context, byte[] out, com.sun.jna.Pointer length);

        @Override
        public void reset() {
            if (context == null) {
                context = EVP_MD_CTX_new();
                if (context == null) {
                    throw new IllegalStateException("OpenSSL EVP_MD_CTX_new failed");
                }
            }
            check(EVP_DigestInit_ex(context, sha256, null), "EVP_DigestInit_ex");
        }

        @Override
        public void update(ByteBuffer data, int length) {
            check(EVP_DigestUpdate(context, data, length), "EVP_DigestUpdate");
        }

        @Override
        public byte[] digest() {
            check(EVP_DigestFinal_ex(context, out, null), "EVP_DigestFinal_ex");
            return out.clone();
        }

        @Override
        public byte[] digest(byte[] data) {
            reset();
            check(EVP_DigestUpdate(context, data, data.length), "EVP_DigestUpdate");
            return digest();
        }

        @Override
        public void close() {
            if (context != null) {
                EVP_MD_CTX_free(context);
                context = null;
            }
        }

        private static void check(int result, String call) {
            if (result != 1) {
                throw new IllegalStateException("OpenSSL " + call + " failed");
            }
        }
    }
}

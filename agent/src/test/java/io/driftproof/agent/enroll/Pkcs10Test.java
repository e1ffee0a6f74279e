package io.driftproof.agent.enroll;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Pkcs10Test {

    private static final String HOST_ID = "0123456789abcdef0123456789abcdef";
    private static KeyPair keys;

    @TempDir
    Path work;

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        keys = g.generateKeyPair();
    }

    private record Openssl(int exit, String output) {
    }

    private Openssl openssl(byte[] der) throws IOException, InterruptedException {
        Path file = Files.write(work.resolve("request-" + System.nanoTime() + ".der"), der);
        Process p;
        try {
            p = new ProcessBuilder("openssl", "req", "-in", file.toString(), "-inform", "DER", "-verify", "-noout", "-text")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "openssl is not installed: " + e.getMessage());
            throw e;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Openssl(p.exitValue(), output);
    }

    @Test
    void opensslParsesAndVerifiesTheRequest() throws Exception {
        Openssl result = openssl(Pkcs10.request(keys, HOST_ID));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("verify OK")
                .contains("Version: 1 (0x0)")
                .contains("Subject: CN = " + HOST_ID)
                .contains("Public Key Algorithm: id-ecPublicKey")
                .contains("NIST CURVE: P-256")
                .contains("Attributes:")
                .contains("Signature Algorithm: ecdsa-with-SHA256");
    }

    @Test
    void opensslRejectsATamperedRequest() throws Exception {
        byte[] der = Pkcs10.request(keys, HOST_ID);
        int at = indexOf(der, HOST_ID.getBytes(StandardCharsets.US_ASCII));
        der[at] = (byte) 'f';

        Openssl result = openssl(der);

        // openssl 3 reports the failure but exits 0; older versions exit 1.
        assertThat(result.output()).contains("verify failure").doesNotContain("verify OK");
    }

    @Test
    void bouncyCastleReadsTheSameRequest() throws Exception {
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(Pkcs10.request(keys, HOST_ID));

        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider()).build(csr.getSubjectPublicKeyInfo()))).isTrue();
        assertThat(csr.getSubject()).isEqualTo(new X500Name("CN=" + HOST_ID));
        assertThat(csr.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(csr.getAttributes()).isEmpty();
        assertThat(csr.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.10045.4.3.2");
    }

    @Test
    void subjectPrincipalIsTheRequestedSubject() {
        assertThat(Pkcs10.subjectPrincipal(HOST_ID).getName()).isEqualTo("CN=" + HOST_ID);
    }

    @Test
    void commonNameLengthIsBounded() throws Exception {
        assertThat(new PKCS10CertificationRequest(Pkcs10.request(keys, "x".repeat(64))).getSubject())
                .isEqualTo(new X500Name("CN=" + "x".repeat(64)));
        assertThatThrownBy(() -> Pkcs10.request(keys, "x".repeat(65))).hasMessageContaining("1 to 64 characters");
        assertThatThrownBy(() -> Pkcs10.request(keys, "")).hasMessageContaining("1 to 64 characters");
    }

    @Test
    void onlyEcKeysAreAccepted() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);

        assertThatThrownBy(() -> Pkcs10.request(g.generateKeyPair(), HOST_ID)).hasMessageContaining("EC key pair");
    }

    @ParameterizedTest
    @CsvSource({
            // short form up to 127
            "0, 0400",
            "127, 047f",
            // long form: 0x81 + one length byte from 128 to 255
            "128, 048180",
            "255, 0481ff",
            // two length bytes from 256
            "256, 04820100",
            "65535, 0482ffff",
            "65536, 0483010000",
    })
    void lengthsUseTheShortestForm(int length, String header) {
        byte[] tlv = Der.tlv(0x04, new byte[length]);

        assertThat(HexFormat.of().formatHex(tlv, 0, header.length() / 2)).isEqualTo(header);
        assertThat(tlv).hasSize(header.length() / 2 + length);
    }

    @ParameterizedTest
    @CsvSource({
            "2.5.4.3, 0603550403",
            "1.2.840.10045.4.3.2, 06082a8648ce3d040302",
            // an arc above 127 takes two base-128 groups, above 2^14 three
            "1.3.6.1.4.1.311.21.20, 06092b0601040182371514",
            "1.2.840.113549, 06062a864886f70d",
    })
    void objectIdentifiersEncodeInBase128(String oid, String der) {
        assertThat(HexFormat.of().formatHex(Der.oid(oid))).isEqualTo(der);
    }

    @Test
    void malformedObjectIdentifiersAreRefused() {
        for (String bad : List.of("2", "3.1", "1.40")) {
            assertThatThrownBy(() -> Der.oid(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}

package io.driftproof.proto;

import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.FileType;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.PackageDetail;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestDigestTest {

    private static Item pkg(String name, String version) {
        return Item.newBuilder().setKind(ItemKind.PACKAGE).setKey(name + ":amd64")
                .setPackage(PackageDetail.newBuilder().setName(name).setVersion(version).setArch("amd64").setManager("dpkg"))
                .build();
    }

    @Test
    void orderOfAdditionDoesNotMatter() {
        ManifestDigest a = ManifestDigest.empty().add(pkg("a", "1")).add(pkg("b", "2"));
        ManifestDigest b = ManifestDigest.empty().add(pkg("b", "2")).add(pkg("a", "1"));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void replacingAnItemIsOneSubtractionAndOneAddition() {
        ManifestDigest incremental = ManifestDigest.empty().add(pkg("a", "1")).add(pkg("b", "2"));
        incremental.remove(pkg("a", "1")).add(pkg("a", "1.1"));
        ManifestDigest fresh = ManifestDigest.empty().add(pkg("b", "2")).add(pkg("a", "1.1"));
        assertThat(incremental).isEqualTo(fresh);
        assertThat(incremental).isNotEqualTo(ManifestDigest.empty().add(pkg("b", "2")).add(pkg("a", "1")));
    }

    @Test
    void removingEverythingGivesTheEmptyDigest() {
        ManifestDigest d = ManifestDigest.empty().add(pkg("a", "1")).remove(pkg("a", "1"));
        assertThat(d).isEqualTo(ManifestDigest.empty());
        assertThat(d.toBytes()).hasSize(32).containsOnly(0);
    }

    @Test
    void bytesRoundTrip() {
        ManifestDigest d = ManifestDigest.empty().add(pkg("a", "1"));
        assertThat(ManifestDigest.fromBytes(d.toBytes())).isEqualTo(d);
        assertThat(d.matches(d.toBytes())).isTrue();
        assertThatThrownBy(() -> ManifestDigest.fromBytes(new byte[5])).hasMessageContaining("32 bytes");
    }

    @Test
    void fingerprintIgnoresTimestampsButNotModeOrContent() {
        ConfigFileDetail base = ConfigFileDetail.newBuilder().setPath("/etc/x").setType(FileType.REGULAR)
                .setSha256("ab").setMode(0644).setOwner("root").setGroup("root").build();
        Item a = Item.newBuilder().setKind(ItemKind.CONFIG_FILE).setKey("/etc/x").setConfigFile(base).build();
        Item touched = a.toBuilder().setConfigFile(base.toBuilder()
                .setMtime(com.google.protobuf.Timestamp.newBuilder().setSeconds(99))).build();
        Item chmod = a.toBuilder().setConfigFile(base.toBuilder().setMode(0600)).build();
        Item edited = a.toBuilder().setConfigFile(base.toBuilder().setSha256("cd")).build();
        assertThat(ItemFingerprint.of(touched)).isEqualTo(ItemFingerprint.of(a));
        assertThat(ItemFingerprint.of(chmod)).isNotEqualTo(ItemFingerprint.of(a));
        assertThat(ItemFingerprint.of(edited)).isNotEqualTo(ItemFingerprint.of(a));
    }

    @Test
    void isTheSumModulo2To256WithCarriesAndBorrowsAcrossWords() {
        Random random = new Random(42);
        BigInteger modulus = BigInteger.ONE.shiftLeft(256);
        BigInteger expected = BigInteger.ZERO;
        ManifestDigest digest = ManifestDigest.empty();
        byte[] allOnes = new byte[32];
        java.util.Arrays.fill(allOnes, (byte) 0xff);
        for (int i = 0; i < 2000; i++) {
            byte[] fingerprint = new byte[32];
            random.nextBytes(fingerprint);
            if (i % 7 == 0) {
                fingerprint = allOnes;
            }
            BigInteger value = new BigInteger(1, fingerprint);
            if (random.nextBoolean()) {
                digest.addFingerprint(fingerprint);
                expected = expected.add(value).mod(modulus);
            } else {
                digest.removeFingerprint(fingerprint);
                expected = expected.subtract(value).mod(modulus);
            }
            assertThat(new BigInteger(1, digest.toBytes())).isEqualTo(expected);
        }
    }
}

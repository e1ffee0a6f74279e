package io.driftproof.collector.ingest;

import com.google.protobuf.ByteString;
import io.driftproof.collector.testing.IngestLimits;
import io.driftproof.collector.testing.Items;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.ItemRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaValidatorTest {

    private final DeltaValidator validator = new DeltaValidator(new IngestLimits(1024, 100, 1 << 20, 10).asConfig());

    @Test
    void acceptsAWellFormedDelta() {
        assertThatCode(() -> validator.validate(delta(Items.pkg("bash", "5.2")).build())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/etc/ssh/sshd_config | ",
            "/ | ",
            "etc/passwd | not absolute",
            "/etc//passwd | not normalised",
            "/etc/./passwd | not normalised",
            "/etc/ssh/.. | not normalised",
            "/etc/ | ends with /",
    })
    void configFileKeysAreAbsoluteNormalisedPaths(String path, String problem) {
        Delta delta = delta(Items.file(Items.textFile(path, "", Instant.EPOCH))).build();
        if (problem == null) {
            assertThatCode(() -> validator.validate(delta)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> validator.validate(delta)).isInstanceOf(ProtocolViolation.class).hasMessageContaining(problem);
        }
    }

    @Test
    void keysHaveNoNulNoWhitespaceInPackagesAndAreBounded() {
        assertRefused(delta(Items.file(Items.textFile("/etc/a\0b", "", Instant.EPOCH))), "NUL");
        assertRefused(delta(Items.pkg("bad name", "1")), "whitespace");
        assertRefused(delta(Items.file(Items.textFile("/" + "x".repeat(1100), "", Instant.EPOCH))), "limit 1024");
    }

    @Test
    void detailMustMatchTheKindAndTheFilePathTheKey() {
        Item mismatched = Items.pkg("bash", "5").toBuilder().setKind(ItemKind.FIRMWARE).build();
        assertRefused(delta(mismatched), "lacks its FIRMWARE detail");
        Item wrongPath = Items.file(Items.textFile("/etc/a", "", Instant.EPOCH)).toBuilder().setKey("/etc/b").build();
        assertRefused(delta(wrongPath), "has path '/etc/a'");
    }

    @Test
    void anItemAppearsOnceAndFullSnapshotsHoldNoRemovals() {
        Item bash = Items.pkg("bash", "5");
        assertRefused(delta(bash).addChanges(ItemChange.newBuilder().setRemoval(
                ItemRef.newBuilder().setKind(ItemKind.PACKAGE).setKey(bash.getKey()))), "more than once");
        Delta.Builder full = delta(bash).setFull(true).setItemCount(1)
                .setManifestDigest(ByteString.copyFrom(ManifestDigest.empty().add(bash).toBytes()));
        assertThatCode(() -> validator.validate(full.build())).doesNotThrowAnyException();
        assertRefused(full.clone().addChanges(ItemChange.newBuilder().setRemoval(ItemRef.newBuilder()
                .setKind(ItemKind.PACKAGE).setKey("zsh:amd64"))), "cannot hold removals");
        assertRefused(full.clone().setItemCount(2), "item_count says 2");
    }

    @Test
    void headerFieldsAreChecked() {
        assertRefused(delta().setSeq(0), "seq must be positive");
        assertRefused(delta().setBaseSeq(-1), "base_seq must not be negative");
        assertRefused(delta().setBaseSeq(7), "must be below seq");
        assertRefused(delta().clearObservedAt(), "observed_at is missing");
        assertRefused(delta().setManifestDigest(ByteString.copyFrom(new byte[5])), "must be 32 bytes");
    }

    private void assertRefused(Delta.Builder delta, String message) {
        assertThatThrownBy(() -> validator.validate(delta.build())).isInstanceOf(ProtocolViolation.class).hasMessageContaining(message);
    }

    private static Delta.Builder delta(Item... upserts) {
        Delta.Builder delta = Delta.newBuilder().setSeq(2).setBaseSeq(1).setObservedAt(Items.timestamp(Instant.now()))
                .setManifestDigest(ByteString.copyFrom(new byte[32]));
        for (Item item : upserts) {
            delta.addChanges(ItemChange.newBuilder().setUpsert(item));
        }
        return delta;
    }
}

package io.driftproof.collector.ingest;

import io.driftproof.collector.testing.IngestLimits;
import io.driftproof.collector.testing.Items;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.ItemChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaAssemblerTest {

    private final DeltaAssembler assembler = new DeltaAssembler(new IngestLimits(1024, 100, 4096, 3));

    @Test
    void partsAreJoinedWithTheLastPartsHeader() {
        assertThat(assembler.add(part(5, "a", true))).isEmpty();
        assertThat(assembler.add(part(5, "b", true))).isEmpty();
        Delta last = part(5, "c", false).toBuilder().setItemCount(42).build();
        Delta joined = assembler.add(last).orElseThrow();
        assertThat(joined.getChangesList()).extracting(c -> c.getUpsert().getKey()).containsExactly("a:amd64", "b:amd64", "c:amd64");
        assertThat(joined.getItemCount()).isEqualTo(42);
        assertThat(joined.getMore()).isFalse();
        assertThat(assembler.add(part(6, "d", false))).isPresent();
    }

    @Test
    void aPartOfAnotherDeltaIsRefused() {
        assembler.add(part(5, "a", true));
        assertThatThrownBy(() -> assembler.add(part(6, "b", false))).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("delta 5 is incomplete");
    }

    @Test
    void partsAndBytesAreLimited() {
        assembler.add(part(5, "a", true));
        assembler.add(part(5, "b", true));
        assembler.add(part(5, "c", true));
        assertThatThrownBy(() -> assembler.add(part(5, "d", true))).hasMessageContaining("more than 3 parts");
        DeltaAssembler fresh = new DeltaAssembler(new IngestLimits(1024, 100, 100, 100));
        assertThatThrownBy(() -> fresh.add(part(5, "x".repeat(200), false))).hasMessageContaining("larger than 100 bytes");
    }

    private static Delta part(long seq, String name, boolean more) {
        return Delta.newBuilder().setSeq(seq).setBaseSeq(seq - 1).setMore(more).setObservedAt(Items.timestamp(Instant.now()))
                .addChanges(ItemChange.newBuilder().setUpsert(Items.pkg(name, "1"))).build();
    }
}

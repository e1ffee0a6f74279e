package io.driftproof.loadgen.fleet;

import io.driftproof.agent.delta.DeltaParts;
import io.driftproof.agent.delta.ProtoTime;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.ItemChange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One delta of a simulated host, decided up front (a simulated host knows what it changed), cut
 * into wire messages by the agent's own {@link DeltaParts}.
 */
public record PlannedDelta(long seq, long baseSeq, Instant observedAt, Optional<Instant> previousObservedAt,
                           byte[] manifestDigest, long itemCount, boolean full, List<ItemChange> changes,
                           List<Content> contents, List<String> collectors) {

    public List<Delta> parts() {
        Delta.Builder header = Delta.newBuilder().setSeq(seq).setBaseSeq(baseSeq).setObservedAt(ProtoTime.of(observedAt))
                .setFull(full).addAllCollectors(collectors);
        previousObservedAt.ifPresent(t -> header.setPreviousObservedAt(ProtoTime.of(t)));
        List<Delta> parts = new ArrayList<>();
        try {
            DeltaParts cut = new DeltaParts(header.build(), DeltaParts.PART_BYTES, parts::add);
            for (ItemChange change : changes) {
                cut.change(change);
            }
            for (Content content : contents) {
                cut.content(content);
            }
            cut.finish(manifestDigest, itemCount, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }
}

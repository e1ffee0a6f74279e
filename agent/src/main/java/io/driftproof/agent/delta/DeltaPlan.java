package io.driftproof.agent.delta;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ScanError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One delta as the agent decided it, before it is cut into wire messages.
 *
 * @param previousObservedAt the last scan that saw the host as the base; empty for a full snapshot,
 *                           whose base the collector knows better than the agent
 */
public record DeltaPlan(long seq, long baseSeq, Instant observedAt, Optional<Instant> previousObservedAt,
                        byte[] manifestDigest, long itemCount, boolean full, List<ItemChange> changes,
                        List<Content> contents, List<ScanError> errors, List<String> collectors) {

    /** Target serialized size of one wire message. */
    public static final int PART_BYTES = 1024 * 1024;

    public DeltaPlan {
        changes = List.copyOf(changes);
        contents = List.copyOf(contents);
        errors = List.copyOf(errors);
        collectors = List.copyOf(collectors);
    }

    /**
     * The delta as wire messages of about {@code partBytes} each (a single large content can make
     * one part bigger). Every part carries the same header; all but the last have {@code more}.
     */
    public List<Delta> parts(int partBytes) {
        Parts parts = new Parts(header(), partBytes);
        errors.forEach(e -> parts.add(Delta.ERRORS_FIELD_NUMBER, e, false, p -> p.addErrors(e)));
        changes.forEach(c -> parts.add(Delta.CHANGES_FIELD_NUMBER, c, true, p -> p.addChanges(c)));
        contents.forEach(c -> parts.add(Delta.CONTENTS_FIELD_NUMBER, c, true, p -> p.addContents(c)));
        return parts.finish();
    }

    /** Fills wire messages up to the target size, starting a new one when the next element would not fit. */
    private static final class Parts {
        private final Delta header;
        private final int partBytes;
        private final List<Delta> done = new ArrayList<>();
        private Delta.Builder part;
        private int size;
        private boolean holdsElements;

        Parts(Delta header, int partBytes) {
            this.header = header;
            this.partBytes = partBytes;
            start();
        }

        private void start() {
            part = header.toBuilder();
            size = header.getSerializedSize();
            holdsElements = false;
        }

        /** @param splittable whether a new part may start before this element (errors all go into the first) */
        void add(int field, MessageLite element, boolean splittable, Consumer<Delta.Builder> adder) {
            int bytes = CodedOutputStream.computeMessageSize(field, element);
            if (splittable && holdsElements && size + bytes > partBytes) {
                done.add(part.setMore(true).build());
                start();
            }
            adder.accept(part);
            size += bytes;
            holdsElements = true;
        }

        List<Delta> finish() {
            done.add(part.build());
            return List.copyOf(done);
        }
    }

    private Delta header() {
        Delta.Builder b = Delta.newBuilder()
                .setSeq(seq)
                .setBaseSeq(baseSeq)
                .setObservedAt(ProtoTime.of(observedAt))
                .setManifestDigest(ByteString.copyFrom(manifestDigest))
                .setItemCount(itemCount)
                .setFull(full)
                .addAllCollectors(collectors);
        previousObservedAt.ifPresent(t -> b.setPreviousObservedAt(ProtoTime.of(t)));
        return b.build();
    }
}

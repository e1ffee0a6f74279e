package io.driftproof.agent.delta;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ScanError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        Delta header = header();
        int headerBytes = header.getSerializedSize();
        List<Delta> parts = new ArrayList<>();
        Delta.Builder part = header.toBuilder();
        int size = headerBytes;
        for (ScanError error : errors) {
            part.addErrors(error);
            size += CodedOutputStream.computeMessageSize(Delta.ERRORS_FIELD_NUMBER, error);
        }
        boolean empty = true;
        for (ItemChange change : changes) {
            int bytes = CodedOutputStream.computeMessageSize(Delta.CHANGES_FIELD_NUMBER, change);
            if (!empty && size + bytes > partBytes) {
                parts.add(part.setMore(true).build());
                part = header.toBuilder();
                size = headerBytes;
            }
            part.addChanges(change);
            size += bytes;
            empty = false;
        }
        for (Content content : contents) {
            int bytes = CodedOutputStream.computeMessageSize(Delta.CONTENTS_FIELD_NUMBER, content);
            if (!empty && size + bytes > partBytes) {
                parts.add(part.setMore(true).build());
                part = header.toBuilder();
                size = headerBytes;
            }
            part.addContents(content);
            size += bytes;
            empty = false;
        }
        parts.add(part.build());
        return parts;
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

package io.driftproof.agent.delta;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ScanError;

import java.io.IOException;
import java.util.List;

/**
 * Cuts one delta into wire messages of about {@link #PART_BYTES} each while it is being built,
 * handing each on as soon as it is full. Every part carries the header; the collector takes the
 * manifest digest and item count from the last part (more = false), the only one that knows them.
 * A single large content can make one part bigger than the target.
 */
public final class DeltaParts {

    /** Target serialized size of one wire message. */
    public static final int PART_BYTES = 1024 * 1024;

    private final Delta header;
    private final int partBytes;
    private final PartWriter out;
    private Delta.Builder part;
    private int size;
    private boolean holdsElements;
    private long bytes;

    /** @param header the first part's header, with the collectors that ran; later parts leave them out */
    public DeltaParts(Delta header, int partBytes, PartWriter out) {
        this.header = header;
        this.partBytes = partBytes;
        this.out = out;
        this.part = header.toBuilder();
        this.size = header.getSerializedSize();
    }

    public void change(ItemChange change) throws IOException {
        add(Delta.CHANGES_FIELD_NUMBER, change);
        part.addChanges(change);
    }

    public void content(Content content) throws IOException {
        add(Delta.CONTENTS_FIELD_NUMBER, content);
        part.addContents(content);
    }

    private void add(int field, MessageLite element) throws IOException {
        int n = CodedOutputStream.computeMessageSize(field, element);
        if (holdsElements && size + n > partBytes) {
            emit(part.setMore(true).build());
            part = header.toBuilder().clearCollectors();
            size = part.build().getSerializedSize();
        }
        size += n;
        holdsElements = true;
    }

    /** The last part: the scan's errors, the final digest and item count. */
    public void finish(byte[] manifestDigest, long itemCount, List<ScanError> errors) throws IOException {
        emit(part.addAllErrors(errors)
                .setManifestDigest(ByteString.copyFrom(manifestDigest))
                .setItemCount(itemCount)
                .setMore(false)
                .build());
    }

    private void emit(Delta delta) throws IOException {
        int n = delta.getSerializedSize();
        bytes += CodedOutputStream.computeUInt32SizeNoTag(n) + n;
        out.write(delta);
    }

    /** Bytes handed on so far, length prefixes included. */
    public long bytes() {
        return bytes;
    }
}

package io.driftproof.collector.content;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stores file contents once per SHA-256 and reads them back, verifying the hash both ways. */
@ApplicationScoped
public class ContentStore {

    private final ContentRepository contents;

    ContentStore(ContentRepository contents) {
        this.contents = contents;
    }

    /** Stores the contents not stored yet; returns how many rows were added. Runs in the
     * caller's transaction. */
    public int storeMissing(Map<String, byte[]> bySha256, Instant receivedAt) {
        Set<String> known = contents.existing(bySha256.keySet());
        int added = 0;
        for (Map.Entry<String, byte[]> e : bySha256.entrySet()) {
            if (known.contains(e.getKey())) {
                continue;
            }
            byte[] data = e.getValue();
            if (!ContentCodec.sha256Hex(data).equals(e.getKey())) {
                throw new IllegalArgumentException("content does not match its SHA-256 " + e.getKey());
            }
            StoredContent row = new StoredContent();
            row.sha256 = e.getKey();
            row.size = data.length;
            row.compression = ContentCodec.DEFLATE;
            row.data = ContentCodec.deflate(data);
            row.firstReceivedAt = receivedAt;
            contents.persist(row);
            added++;
        }
        return added;
    }

    public Optional<byte[]> load(String sha256) {
        return contents.findByIdOptional(sha256).map(row -> {
            byte[] data = ContentCodec.inflate(row.data, row.size);
            if (!ContentCodec.sha256Hex(data).equals(sha256)) {
                throw new IllegalStateException("stored content " + sha256 + " does not match its hash");
            }
            return data;
        });
    }
}

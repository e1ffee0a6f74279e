package io.driftproof.agent.inventory;

import io.driftproof.proto.v1.Item;

/** Where a collector puts what it found. */
public interface CollectorOutput {

    void item(Item item);

    /** Content of a text file, offered whenever the collector read it; the delta decides whether it ships. */
    void content(String sha256, byte[] data);

    void problem(String path, String message);
}

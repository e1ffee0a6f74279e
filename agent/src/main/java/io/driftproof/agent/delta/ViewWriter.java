package io.driftproof.agent.delta;

import java.io.IOException;

/** Receives a new view's entries in ascending item-key order. */
public interface ViewWriter {

    void add(ViewEntry entry) throws IOException;
}

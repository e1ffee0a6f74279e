package io.driftproof.agent.delta;

import java.io.Closeable;
import java.io.IOException;

/** A view's entries in ascending item-key order, read once. */
public interface ViewReader extends Closeable {

    ViewReader EMPTY = new ViewReader() {
        @Override
        public ViewEntry next() {
            return null;
        }

        @Override
        public void close() {
        }
    };

    /** The next entry, or null after the last. */
    ViewEntry next() throws IOException;
}

package io.driftproof.agent.delta;

import io.driftproof.proto.v1.Delta;

import java.io.IOException;

/** Receives a delta's wire messages in order, as they fill. */
public interface PartWriter {

    void write(Delta part) throws IOException;
}

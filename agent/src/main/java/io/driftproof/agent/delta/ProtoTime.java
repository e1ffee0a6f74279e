package io.driftproof.agent.delta;

import com.google.protobuf.Timestamp;

import java.time.Instant;

/** Conversions between java.time and protobuf timestamps. */
public final class ProtoTime {

    private ProtoTime() {
    }

    public static Timestamp of(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    public static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}

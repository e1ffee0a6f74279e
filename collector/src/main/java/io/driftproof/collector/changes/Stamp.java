package io.driftproof.collector.changes;

import java.time.Instant;
import java.util.Optional;

/** Who did a step of a record's trail and when: first-hand (the acting user, the server clock), or
 * relayed from another system's record, with that system's name and time and the {@link Provenance}. */
record Stamp(String by, Instant at, Optional<Provenance> provenance) {

    static Stamp firstHand(String by, Instant now) {
        return new Stamp(by, now, Optional.empty());
    }

    static Stamp relayed(String by, Instant at, Provenance provenance) {
        return new Stamp(by, at, Optional.of(provenance));
    }
}

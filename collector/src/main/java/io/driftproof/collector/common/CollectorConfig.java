package io.driftproof.collector.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Every driftproof.* setting of the collector, declared once and checked at start-up.
 * Environment variables follow the usual mapping (driftproof.data-dir = DRIFTPROOF_DATA_DIR). */
@ConfigMapping(prefix = "driftproof")
public interface CollectorConfig {

    /** Folder holding the embedded H2 database; created on first start. */
    @WithDefault("./data")
    String dataDir();

    /** Limits applied to what agents send. */
    Ingest ingest();

    /** REST API settings. */
    Api api();

    /** What the collector does on the agents' Report streams (connection settings: SecurityConfig). */
    Agent agent();

    interface Ingest {
        /** Largest file content accepted in a delta, in bytes (before compression). */
        @WithDefault("1048576")
        @Min(1)
        int maxContentBytes();

        /** Most item changes accepted in one delta, all parts together. */
        @WithDefault("200000")
        @Min(1)
        int maxChangesPerDelta();

        /** Most bytes buffered for one delta split into parts. */
        @WithDefault("67108864")
        @Min(1024)
        long maxDeltaBytes();

        /** Most parts (messages with more=true) in one delta. */
        @WithDefault("1000")
        @Min(1)
        int maxPartsPerDelta();
    }

    interface Agent {
        /** How often the collector probes the clock of each Report stream open on this replica. Every
         * ClockReply refreshes the host's lastSeen and its measured skew, so a connected host whose
         * inventory does not change still shows it is alive. Checked once a minute; at most a third of
         * driftproof.policy.agent-silent-after (checked at start), or a quiet host is reported silent. */
        @WithDefault("PT15M")
        Duration clockProbeInterval();
    }

    interface Api {
        /** Page size when a list request gives no limit. */
        @WithDefault("100")
        @Min(1)
        int defaultPageSize();

        /** Largest page size a list request may ask for. */
        @WithDefault("1000")
        @Min(1)
        @Max(100000)
        int maxPageSize();
    }
}

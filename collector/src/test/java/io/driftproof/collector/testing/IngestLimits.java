package io.driftproof.collector.testing;

import io.driftproof.collector.common.CollectorConfig;

/** Ingest limits for unit tests. */
public record IngestLimits(int maxContentBytes, int maxChangesPerDelta, long maxDeltaBytes, int maxPartsPerDelta)
        implements CollectorConfig.Ingest {

    /** As a whole configuration; only the ingest limits are set. */
    public CollectorConfig asConfig() {
        IngestLimits limits = this;
        return new CollectorConfig() {
            @Override
            public String dataDir() {
                return "./data";
            }

            @Override
            public Ingest ingest() {
                return limits;
            }

            @Override
            public Api api() {
                throw new UnsupportedOperationException("not set in this test");
            }

            @Override
            public Agent agent() {
                throw new UnsupportedOperationException("not set in this test");
            }
        };
    }
}

package io.driftproof.collector.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The ingest meters, published at /q/metrics from start-up on. */
@Startup
@ApplicationScoped
public class IngestMetrics {

    private final Counter deltas;
    private final Counter items;
    private final Counter observedChanges;
    private final Counter duplicates;
    private final Counter resyncs;
    private final Counter rejected;
    private final Counter refused;
    private final Counter enrolled;
    private final Counter enrollmentsRefused;
    private final Timer lag;
    private final AtomicInteger openStreams;

    IngestMetrics(MeterRegistry registry) {
        deltas = Counter.builder("driftproof.ingest.deltas").description("Deltas applied").register(registry);
        items = Counter.builder("driftproof.ingest.items").description("Item upserts and removals received in applied deltas").register(registry);
        observedChanges = Counter.builder("driftproof.ingest.observed.changes").description("Observed changes derived").register(registry);
        duplicates = Counter.builder("driftproof.ingest.duplicates").description("Deltas delivered again and acknowledged as duplicates").register(registry);
        resyncs = Counter.builder("driftproof.ingest.resyncs").description("Resync answers sent").register(registry);
        rejected = Counter.builder("driftproof.ingest.rejected").description("Agent messages refused as invalid").register(registry);
        refused = Counter.builder("driftproof.ingest.refused").description("Report streams refused: no or invalid agent credential, or another host's Hello").register(registry);
        enrolled = Counter.builder("driftproof.enrollment.issued").description("Client certificates issued at enrollment").register(registry);
        enrollmentsRefused = Counter.builder("driftproof.enrollment.refused").description("Enroll calls refused (bad, unknown, used or expired token; bad CSR)").register(registry);
        lag = Timer.builder("driftproof.ingest.lag").description("Time from a scan (observedAt) to its arrival (receivedAt)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofDays(1))
                .register(registry);
        openStreams = registry.gauge("driftproof.ingest.streams.open", new AtomicInteger());
    }

    void applied(IngestOutcome.Applied outcome, int itemChanges, Duration lagTime) {
        deltas.increment();
        items.increment(itemChanges);
        observedChanges.increment(outcome.observedChanges());
        if (!lagTime.isNegative()) {
            lag.record(lagTime);
        }
    }

    void duplicate() {
        duplicates.increment();
    }

    void resync() {
        resyncs.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void refused() {
        refused.increment();
    }

    void enrolled() {
        enrolled.increment();
    }

    void enrollmentRefused() {
        enrollmentsRefused.increment();
    }

    void streamOpened() {
        openStreams.incrementAndGet();
    }

    void streamClosed() {
        openStreams.decrementAndGet();
    }
}

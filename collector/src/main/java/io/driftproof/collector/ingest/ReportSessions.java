package io.driftproof.collector.ingest;

import io.driftproof.collector.common.CollectorConfig;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.proto.v1.CollectorMessage;
import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens a {@link ReportSession} per stream with the services it uses. */
@ApplicationScoped
class ReportSessions {

    final AgentIdentity identity;
    final HostRegistry registry;
    final DeltaValidator validator;
    final DeltaIngest ingest;
    final IngestMetrics metrics;
    final ServerClock clock;
    final CollectorConfig config;

    ReportSessions(AgentIdentity identity, HostRegistry registry, DeltaValidator validator, DeltaIngest ingest,
                   IngestMetrics metrics, ServerClock clock, CollectorConfig config) {
        this.identity = identity;
        this.registry = registry;
        this.validator = validator;
        this.ingest = ingest;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
    }

    ReportSession open(StreamObserver<CollectorMessage> responses) {
        return new ReportSession(responses, this);
    }
}

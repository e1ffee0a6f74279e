package io.driftproof.collector.ingest;

import io.driftproof.collector.common.CollectorConfig;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.proto.v1.CollectorMessage;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Opens a {@link ReportSession} per stream with the services it uses, and knows the open streams
 * of each host so that a revocation can close them at once. */
@ApplicationScoped
public class ReportSessions {

    final HostRegistry registry;
    final DeltaValidator validator;
    final DeltaIngest ingest;
    final IngestMetrics metrics;
    final ServerClock clock;
    final CollectorConfig config;
    final Event<ObservedChangesRecorded> recorded;

    private final Set<ReportSession> open = ConcurrentHashMap.newKeySet();

    ReportSessions(HostRegistry registry, DeltaValidator validator, DeltaIngest ingest,
                   IngestMetrics metrics, ServerClock clock, CollectorConfig config, Event<ObservedChangesRecorded> recorded) {
        this.registry = registry;
        this.validator = validator;
        this.ingest = ingest;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
        this.recorded = recorded;
    }

    ReportSession open(StreamObserver<CollectorMessage> responses, AgentIdentity identity) {
        return new ReportSession(responses, identity, this);
    }

    /** Closes this collector's open streams of the host with the status. */
    public void close(String hostId, Status status) {
        open.stream().filter(s -> hostId.equals(s.hostId())).forEach(s -> s.deny(new AgentRefused(status)));
    }

    void opened(ReportSession session) {
        open.add(session);
    }

    void closed(ReportSession session) {
        open.remove(session);
    }
}

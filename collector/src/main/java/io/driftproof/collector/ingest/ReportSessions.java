package io.driftproof.collector.ingest;

import io.driftproof.collector.common.CollectorConfig;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.proto.v1.CollectorMessage;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Opens a {@link ReportSession} per stream with the services it uses, and knows the open streams
 * of each host so that a revocation can close them at once and their clocks can be probed again. */
@ApplicationScoped
public class ReportSessions {

    private static final Logger LOG = Logger.getLogger(ReportSessions.class);

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

    /**
     * Sends a new ClockProbe on every stream open on this replica whose last probe is at least
     * {@code driftproof.agent.clock-probe-interval} old and not outstanding. Each ClockReply records
     * the skew and the host's lastSeen, so a connected host that has nothing to report is not
     * AGENT_SILENT. Every replica probes its own streams; the others never see them. A session busy
     * applying a delta is probed once that delta is done (the delta itself refreshes lastSeen).
     */
    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void probeClocks() {
        Instant dueAt = clock.now().minus(config.agent().clockProbeInterval());
        int sent = 0;
        for (ReportSession session : open) {
            try {
                if (session.probeIfDue(dueAt)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // the call ended (say, cancelled by the agent) before the session heard of it
                LOG.debugf("could not probe the clock of host %s: %s", session.hostId(), e.getMessage());
            }
        }
        if (sent > 0) {
            LOG.debugf("probed the clocks of %d report stream(s)", sent);
        }
    }

    void opened(ReportSession session) {
        open.add(session);
    }

    void closed(ReportSession session) {
        open.remove(session);
    }
}

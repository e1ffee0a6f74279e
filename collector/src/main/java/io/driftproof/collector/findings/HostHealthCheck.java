package io.driftproof.collector.findings;

import io.driftproof.collector.changes.ChangePolicy;
import io.driftproof.collector.common.CollectorConfig;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.HostRepository;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/** Periodic findings about hosts rather than changes: AGENT_SILENT and CLOCK_SKEW, raised while
 * the condition holds and resolved when it ends; also reopens findings whose acknowledgement expired.
 *
 * <p>AGENT_SILENT means no contact within driftproof.policy.agent-silent-after: the host's lastSeen
 * (its Hello, its last delta or its last ClockReply) is older. A connected host with nothing to
 * report stays in contact through the collector's periodic ClockProbes
 * (driftproof.agent.clock-probe-interval), so the interval must be well below the threshold. */
@ApplicationScoped
public class HostHealthCheck {

    private final HostRepository hosts;
    private final FindingService findings;
    private final ServerClock clock;
    private final ChangePolicy policy;
    private final CollectorConfig config;

    HostHealthCheck(HostRepository hosts, FindingService findings, ServerClock clock, ChangePolicy policy,
                    CollectorConfig config) {
        this.hosts = hosts;
        this.findings = findings;
        this.clock = clock;
        this.policy = policy;
        this.config = config;
    }

    /** Refuses to start when connected, quiet hosts would be reported silent between two clock probes. */
    void onStart(@Observes StartupEvent start) {
        Duration interval = config.agent().clockProbeInterval();
        if (interval.isNegative() || interval.isZero()
                || interval.multipliedBy(3).compareTo(policy.agentSilentAfter()) > 0) {
            throw new IllegalStateException("driftproof.agent.clock-probe-interval (" + interval + ") must be positive and at"
                    + " most a third of driftproof.policy.agent-silent-after (" + policy.agentSilentAfter()
                    + "), or hosts that are connected but have nothing to report are reported AGENT_SILENT");
        }
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void check() {
        Instant silentSince = clock.now().minus(policy.agentSilentAfter());
        for (Host host : hosts.listAll()) {
            FindingDraft silent = FindingDraft.forHost(FindingType.AGENT_SILENT, host.id, "host " + host.id + " ("
                    + host.hostname + ") has sent neither a delta nor a clock reply since " + host.lastSeen
                    + " (expected within " + policy.agentSilentAfter() + ")");
            if (host.lastSeen.isBefore(silentSince)) {
                findings.raise(silent);
            } else {
                findings.resolve(silent.dedupKey(), FindingService.SYSTEM, "reported again at " + host.lastSeen);
            }
            long threshold = policy.clockSkewThreshold().toMillis();
            FindingDraft skew = FindingDraft.forHost(FindingType.CLOCK_SKEW, host.id, "the clock of host " + host.id
                    + " is off by " + Duration.ofMillis(host.clockSkewMs == null ? 0 : host.clockSkewMs)
                    + " (threshold " + policy.clockSkewThreshold() + "); its times are corrected, but its clock needs fixing");
            if (host.clockSkewMs != null && Math.abs(host.clockSkewMs) > threshold) {
                findings.raise(skew);
            } else {
                findings.resolve(skew.dedupKey(), FindingService.SYSTEM, "clock within " + policy.clockSkewThreshold());
            }
        }
        findings.expireAcknowledgements();
    }
}

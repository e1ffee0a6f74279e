package io.driftproof.collector.ingest;

import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.HostRepository;
import io.driftproof.proto.v1.HostInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Set;

/** Registers hosts as their agents say Hello and records what the stream measures about them. */
@ApplicationScoped
public class HostRegistry {

    private final HostRepository hosts;

    HostRegistry(HostRepository hosts) {
        this.hosts = hosts;
    }

    /** Creates the host on first contact, refreshes its description otherwise. */
    @Transactional
    public Host hello(String hostId, HostInfo info, String agentVersion, Instant now) {
        Host host = hosts.lockOrCreate(hostId, now);
        describe(host, info);
        host.agentVersion = text(agentVersion, 64);
        host.lastSeen = now;
        hosts.flush();
        return host;
    }

    /** Records an enrolled host (created when new) with its description and the token's tags. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enrolled(String hostId, HostInfo info, Set<String> tags, Instant now) {
        Host host = hosts.lockOrCreate(hostId, now);
        describe(host, info);
        host.tags.addAll(tags);
        hosts.flush();
    }

    private static void describe(Host host, HostInfo info) {
        host.hostname = text(info.getHostname(), 255);
        host.os = text(info.getOs(), 255);
        host.kernel = text(info.getKernel(), 255);
        host.arch = text(info.getArch(), 64);
    }

    @Transactional
    public void recordClockSkew(String hostId, ClockSkew skew) {
        Host host = hosts.lock(hostId).orElseThrow();
        host.clockSkewMs = skew.skewMs();
        host.clockUncertaintyMs = skew.uncertaintyMs();
        host.clockMeasuredAt = skew.measuredAt();
        host.lastSeen = skew.measuredAt();
    }

    private static String text(String value, int max) {
        if (value.isEmpty()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}

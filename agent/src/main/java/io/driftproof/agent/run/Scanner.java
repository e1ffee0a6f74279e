package io.driftproof.agent.run;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.agent.snapshot.SnapshotTaker;
import io.driftproof.agent.state.AgentState;
import io.driftproof.agent.state.RecordResult;
import io.driftproof.proto.v1.HostInfo;

import java.io.IOException;
import java.time.Clock;
import java.util.logging.Logger;

/** Takes a snapshot of the host and records it in the agent state; re-reads everything when a full snapshot is owed. */
public final class Scanner {

    private static final Logger LOG = Logger.getLogger(Scanner.class.getName());

    private final SnapshotTaker taker;
    private final AgentConfig config;
    private final HostRoot root;
    private final HostInfo host;
    private final AgentState state;
    private final Clock clock;

    public Scanner(SnapshotTaker taker, AgentConfig config, HostRoot root, HostInfo host, AgentState state, Clock clock) {
        this.taker = taker;
        this.config = config;
        this.root = root;
        this.host = host;
        this.state = state;
        this.clock = clock;
    }

    public RecordResult scan() throws IOException {
        RecordResult result = scan(state.fullPending());
        if (result.outcome() == RecordResult.Outcome.NEEDS_FULL_SCAN) {
            // The collector asked for a full snapshot while this scan ran.
            result = scan(true);
        }
        if (result.outcome() == RecordResult.Outcome.RECORDED) {
            LOG.fine("spooled delta seq=" + result.seq() + " (" + result.changes() + " changes)");
        }
        return result;
    }

    private RecordResult scan(boolean rehashAll) throws IOException {
        ScanContext context = new ScanContext(root, config, config.stateDir(), rehashAll, clock);
        return state.record(sink -> taker.take(context, sink), rehashAll);
    }
}

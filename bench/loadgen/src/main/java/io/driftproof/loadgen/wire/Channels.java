package io.driftproof.loadgen.wire;

import io.driftproof.agent.transport.ChannelSecurity;
import io.driftproof.agent.transport.CollectorChannel;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.grpc.ManagedChannel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated fleet's connections to the collector: consecutive hosts share one channel (one
 * HTTP/2 connection), each host on its own stream, so that thousands of streams need only
 * dozens of connections. Channels are built as the agent builds its own.
 */
public final class Channels implements AutoCloseable {

    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<AgentServiceGrpc.AgentServiceStub> stubs = new ArrayList<>();
    private final int streamsPerChannel;

    public Channels(String target, ChannelSecurity security, int hosts, int streamsPerChannel) {
        this.streamsPerChannel = streamsPerChannel;
        for (int i = 0; i < (hosts + streamsPerChannel - 1) / streamsPerChannel; i++) {
            ManagedChannel channel = CollectorChannel.open(security, target);
            channels.add(channel);
            stubs.add(CollectorChannel.stub(channel));
        }
    }

    public AgentServiceGrpc.AgentServiceStub stub(int hostIndex) {
        return stubs.get(hostIndex / streamsPerChannel);
    }

    public int size() {
        return channels.size();
    }

    @Override
    public void close() throws InterruptedException {
        channels.forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : channels) {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        }
    }
}

package io.driftproof.agent.testing;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A real gRPC server on a loopback port serving a {@link RecordingCollector}; can be killed and restarted on the same port. */
public final class TestServer implements AutoCloseable {

    private final RecordingCollector collector;
    private int port;
    private Server server;

    private TestServer(RecordingCollector collector) {
        this.collector = collector;
    }

    public static TestServer start(RecordingCollector collector) throws IOException {
        TestServer s = new TestServer(collector);
        s.bind(0);
        return s;
    }

    private void bind(int wanted) throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted))
                .withOption(ChannelOption.SO_REUSEADDR, true)
                .maxInboundMessageSize(16 * 1024 * 1024)
                .addService(collector)
                .build()
                .start();
        port = server.getPort();
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    /** Drops the listener and every open stream at once, as a crashed collector would. */
    public void kill() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Serves again on the same port. */
    public void restart() throws IOException {
        bind(port);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}

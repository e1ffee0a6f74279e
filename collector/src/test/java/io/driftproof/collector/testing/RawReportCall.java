package io.driftproof.collector.testing;

import io.driftproof.proto.v1.AgentServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Report call that sends hand-built bytes: how a test delivers what the generated classes
 * cannot produce, such as a string field that is not valid UTF-8.
 */
public final class RawReportCall implements AutoCloseable {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final ManagedChannel channel;
    private final ClientCall<byte[], byte[]> call;
    private final CompletableFuture<Status> closed = new CompletableFuture<>();

    public RawReportCall(int port) {
        channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        MethodDescriptor<byte[], byte[]> method = AgentServiceGrpc.getReportMethod().toBuilder(BYTES, BYTES).build();
        call = channel.newCall(method, CallOptions.DEFAULT);
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        call.request(Integer.MAX_VALUE);
    }

    public RawReportCall send(byte[] serializedAgentMessage) {
        call.sendMessage(serializedAgentMessage);
        return this;
    }

    public Status awaitClose() throws Exception {
        return closed.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}

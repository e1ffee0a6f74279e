package io.driftproof.collector.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.EnrollRequest;
import io.driftproof.proto.v1.EnrollResponse;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The agents' gRPC endpoint: each Report stream gets its own {@link ReportSession}. Enroll is
 * left UNIMPLEMENTED until enrollment and mTLS arrive.
 *
 * <p>Report receives raw bytes and parses them itself: a message the protobuf parser refuses
 * (say, a key that is not UTF-8) would otherwise be dropped by the transport without an answer,
 * leaving the agent waiting. Parsed here, it closes the stream with INVALID_ARGUMENT.
 */
@GrpcService
public class ReportService implements BindableService {

    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
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

    private final ReportSessions sessions;

    ReportService(ReportSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public ServerServiceDefinition bindService() {
        MethodDescriptor<byte[], CollectorMessage> report = AgentServiceGrpc.getReportMethod().toBuilder(
                RAW, AgentServiceGrpc.getReportMethod().getResponseMarshaller()).build();
        MethodDescriptor<EnrollRequest, EnrollResponse> enroll = AgentServiceGrpc.getEnrollMethod();
        ServiceDescriptor service = ServiceDescriptor.newBuilder(AgentServiceGrpc.SERVICE_NAME)
                .setSchemaDescriptor(AgentServiceGrpc.getServiceDescriptor().getSchemaDescriptor())
                .addMethod(enroll).addMethod(report).build();
        return ServerServiceDefinition.builder(service)
                .addMethod(enroll, ServerCalls.asyncUnaryCall((request, responses) -> ServerCalls.asyncUnimplementedUnaryCall(enroll, responses)))
                .addMethod(report, ServerCalls.asyncBidiStreamingCall(this::report))
                .build();
    }

    /** Runs on a worker thread (the session uses the database), one message at a time per stream. */
    @Blocking
    public StreamObserver<byte[]> report(StreamObserver<CollectorMessage> responses) {
        return new Decoder(sessions.open(responses));
    }

    /** Parses each message for the session, turning a parse failure into a refusal. */
    private static final class Decoder implements StreamObserver<byte[]> {

        private final ReportSession session;

        Decoder(ReportSession session) {
            this.session = session;
        }

        @Override
        public void onNext(byte[] bytes) {
            try {
                session.onNext(AgentMessage.parseFrom(bytes));
            } catch (InvalidProtocolBufferException e) {
                session.refuse(new ProtocolViolation(
                        "the message is not a valid driftproof.v1.AgentMessage: " + e.getMessage()));
            }
        }

        @Override
        public void onError(Throwable t) {
            session.onError(t);
        }

        @Override
        public void onCompleted() {
            session.onCompleted();
        }
    }
}

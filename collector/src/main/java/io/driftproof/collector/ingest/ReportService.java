package io.driftproof.collector.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.EnrollRequest;
import io.driftproof.proto.v1.EnrollResponse;
import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The agents' gRPC endpoint. Enroll is answered by {@link AgentEnrollment}. A Report stream is
 * first authenticated from its transport ({@link AgentAuthenticator}): a refused caller is closed
 * at once, before it can send anything; an accepted one gets its own {@link ReportSession}.
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

    private static final Logger LOG = Logger.getLogger(ReportService.class);

    private final ReportSessions sessions;
    private final AgentAuthenticator authenticator;
    private final AgentEnrollment enrollment;
    private final IngestMetrics metrics;

    ReportService(ReportSessions sessions, AgentAuthenticator authenticator, AgentEnrollment enrollment, IngestMetrics metrics) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.enrollment = enrollment;
        this.metrics = metrics;
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
                .addMethod(enroll, ServerCalls.asyncUnaryCall(this::enroll))
                .addMethod(report, this::authenticated)
                .build();
    }

    /** Runs on a worker thread (it uses the database). Refusals are answered, never thrown. */
    @Blocking
    public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> responses) {
        EnrollResponse response;
        try {
            response = enrollment.enroll(request);
        } catch (AgentRefused refused) {
            LOG.warnf("refused an enrollment: %s", refused.getMessage());
            metrics.enrollmentRefused();
            responses.onError(refused.status().asRuntimeException());
            return;
        } catch (RuntimeException e) {
            LOG.error("enrollment failed", e);
            responses.onError(Status.INTERNAL.withDescription("the collector could not enroll the host").asRuntimeException());
            return;
        }
        metrics.enrolled();
        responses.onNext(response);
        responses.onCompleted();
    }

    private ServerCall.Listener<byte[]> authenticated(ServerCall<byte[], CollectorMessage> call, Metadata headers) {
        AgentIdentity identity;
        try {
            identity = authenticator.authenticate(call.getAttributes());
        } catch (AgentRefused refused) {
            LOG.warnf("refused a report stream from %s: %s", call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
                    refused.getMessage());
            metrics.refused();
            call.close(refused.status(), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        ServerCallHandler<byte[], CollectorMessage> handler = ServerCalls.asyncBidiStreamingCall(
                responses -> report(responses, identity));
        return handler.startCall(call, headers);
    }

    /** Runs on a worker thread (the session uses the database), one message at a time per stream. */
    @Blocking
    public StreamObserver<byte[]> report(StreamObserver<CollectorMessage> responses, AgentIdentity identity) {
        return new Decoder(sessions.open(responses, identity));
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

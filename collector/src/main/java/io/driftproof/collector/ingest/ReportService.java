package io.driftproof.collector.ingest;

import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.CollectorMessage;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;

/** The agents' gRPC endpoint: each Report stream gets its own {@link ReportSession}. Enroll is
 * left UNIMPLEMENTED until enrollment and mTLS arrive. */
@GrpcService
public class ReportService extends AgentServiceGrpc.AgentServiceImplBase {

    private final ReportSessions sessions;

    ReportService(ReportSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    @Blocking
    public StreamObserver<AgentMessage> report(StreamObserver<CollectorMessage> responses) {
        return sessions.open(responses);
    }
}

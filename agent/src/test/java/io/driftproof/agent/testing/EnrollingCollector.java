package io.driftproof.agent.testing;

import io.driftproof.agent.delta.ProtoTime;
import io.driftproof.agent.tls.Pem;
import io.driftproof.proto.EnrollmentToken;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.EnrollRequest;
import io.driftproof.proto.v1.EnrollResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The collector's side of enrollment for tests: Enroll checks the token's secret and signs the
 * CSR with the test CA; Report is served by a {@link RecordingCollector} once the Hello's host id
 * matches the client certificate's CN, as the design requires of the real collector.
 */
public final class EnrollingCollector extends AgentServiceGrpc.AgentServiceImplBase {

    private final TestCa ca;
    private final EnrollmentToken token;
    private final RecordingCollector reports;
    private final List<String> enrollments = new ArrayList<>();
    private UnaryOperator<EnrollResponse> alteration = UnaryOperator.identity();

    public EnrollingCollector(TestCa ca, EnrollmentToken token, RecordingCollector reports) {
        this.ca = ca;
        this.token = token;
        this.reports = reports;
    }

    /** The host ids of the Enroll calls received, granted or not. */
    public synchronized List<String> enrollments() {
        return List.copyOf(enrollments);
    }

    /** From now on, answers Enroll with what {@code change} makes of the correct answer: a collector gone wrong. */
    public synchronized void alter(UnaryOperator<EnrollResponse> change) {
        alteration = change;
    }

    private synchronized EnrollResponse altered(EnrollResponse correct) {
        return alteration.apply(correct);
    }

    @Override
    public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
        synchronized (this) {
            enrollments.add(request.getHost().getHostId());
        }
        EnrollmentToken presented;
        try {
            presented = EnrollmentToken.parse(request.getToken());
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        if (!token.secretMatches(presented)) {
            response.onError(Status.PERMISSION_DENIED.withDescription("enrollment token unknown, used or expired")
                    .asRuntimeException());
            return;
        }
        try {
            X509Certificate issued = ca.sign(request.getCsrDer().toByteArray(), Duration.ofDays(90));
            response.onNext(altered(EnrollResponse.newBuilder()
                    .setCertificatePem(Pem.certificate(issued))
                    .setCaCertificatePem(Pem.certificate(ca.certificate()))
                    .setHostId(commonName(issued))
                    .setExpiresAt(ProtoTime.of(issued.getNotAfter().toInstant()))
                    .build()));
            response.onCompleted();
        } catch (Exception e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("bad CSR: " + e.getMessage()).asRuntimeException());
        }
    }

    @Override
    public StreamObserver<AgentMessage> report(StreamObserver<CollectorMessage> out) {
        X509Certificate client = TlsTestServer.CLIENT_CERTIFICATE.get();
        StreamObserver<AgentMessage> recording = reports.report(out);
        return new StreamObserver<>() {
            @Override
            public void onNext(AgentMessage message) {
                if (message.hasHello() && !message.getHello().getHost().getHostId().equals(commonName(client))) {
                    out.onError(Status.PERMISSION_DENIED.withDescription("the Hello names another host than the certificate")
                            .asRuntimeException());
                    return;
                }
                recording.onNext(message);
            }

            @Override
            public void onError(Throwable t) {
                recording.onError(t);
            }

            @Override
            public void onCompleted() {
                recording.onCompleted();
            }
        };
    }

    static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            throw new IllegalArgumentException(e);
        }
        throw new IllegalArgumentException("no CN in " + certificate.getSubjectX500Principal());
    }
}

package io.driftproof.agent.testing;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.BindableService;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.driftproof.proto.v1.AgentServiceGrpc;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server with TLS on a loopback port, shaped like the collector: client certificates
 * are requested, not required, so Enroll works without one, and every other call without a
 * client certificate issued by the trusted CA is refused with UNAUTHENTICATED. Records each call
 * with the client certificate's subject and the TLS version.
 */
public final class TlsTestServer implements AutoCloseable {

    /** The client certificate of the call in progress, if any. */
    public static final Context.Key<X509Certificate> CLIENT_CERTIFICATE = Context.key("client-certificate");

    /** One call as the server saw it. */
    public record Call(String method, Optional<String> clientSubject, String protocol) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Server server;

    private TlsTestServer(TestCa.Issued identity, X509Certificate chainCa, X509Certificate clientCa, BindableService service,
                          String... protocols) throws Exception {
        SslContextBuilder tls = GrpcSslContexts.configure(SslContextBuilder.forServer(identity.keys().getPrivate(),
                        identity.certificate(), chainCa))
                .trustManager(clientCa)
                .clientAuth(ClientAuth.OPTIONAL)
                .protocols(protocols);
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .sslContext(tls.build())
                .maxInboundMessageSize(16 * 1024 * 1024)
                .addService(ServerInterceptors.intercept(service, new PeerCheck()))
                .build()
                .start();
    }

    /**
     * @param identity the server's key and certificate
     * @param chainCa  the CA certificate sent after it in the TLS chain (the one the token pins)
     * @param clientCa the CA client certificates must come from
     */
    public static TlsTestServer start(TestCa.Issued identity, X509Certificate chainCa, X509Certificate clientCa,
                                      BindableService service, String... protocols) throws Exception {
        return new TlsTestServer(identity, chainCa, clientCa, service,
                protocols.length == 0 ? new String[] {"TLSv1.3", "TLSv1.2"} : protocols);
    }

    public String target() {
        return "127.0.0.1:" + server.getPort();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls that came with a client certificate. */
    public synchronized List<Call> authenticatedCalls() {
        return calls.stream().filter(c -> c.clientSubject().isPresent()).toList();
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class PeerCheck implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            Optional<X509Certificate> client = clientCertificate(session);
            String method = call.getMethodDescriptor().getFullMethodName();
            record(new Call(method, client.map(c -> c.getSubjectX500Principal().getName()),
                    session == null ? "none" : session.getProtocol()));
            boolean enroll = method.equals(AgentServiceGrpc.getEnrollMethod().getFullMethodName());
            if (client.isEmpty() && !enroll) {
                call.close(Status.UNAUTHENTICATED.withDescription("a client certificate is required"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            Context context = Context.current().withValue(CLIENT_CERTIFICATE, client.orElse(null));
            return Contexts.interceptCall(context, call, headers, next);
        }

        private Optional<X509Certificate> clientCertificate(SSLSession session) {
            if (session == null) {
                return Optional.empty();
            }
            try {
                Certificate[] peer = session.getPeerCertificates();
                return peer.length > 0 ? Optional.of((X509Certificate) peer[0]) : Optional.empty();
            } catch (SSLPeerUnverifiedException e) {
                return Optional.empty();
            }
        }
    }
}

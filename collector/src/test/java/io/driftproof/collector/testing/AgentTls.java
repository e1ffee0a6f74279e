package io.driftproof.collector.testing;

import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.EnrollRequest;
import io.driftproof.proto.v1.EnrollResponse;
import io.driftproof.proto.v1.HostInfo;
import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/** TLS channels to the collector's HTTPS port, as an agent opens them: trusting the collector's CA,
 * with or without a client certificate; and Enroll calls with a CSR built like the agent's. */
public final class AgentTls {

    private AgentTls() {
    }

    /** A channel presenting {@code certificate} (null: no client certificate) whatever CA the server
     * asks for, as a client probing the collector would. */
    public static ManagedChannel channel(int tlsPort, X509Certificate ca, KeyPair key, X509Certificate certificate) {
        try {
            SslContextBuilder tls = GrpcSslContexts.forClient().trustManager(ca).protocols("TLSv1.3", "TLSv1.2");
            if (certificate != null) {
                tls.keyManager(new FixedKeyManager(key.getPrivate(), certificate));
            }
            return NettyChannelBuilder.forAddress("localhost", tlsPort).sslContext(tls.build())
                    .maxInboundMessageSize(64 << 20).build();
        } catch (SSLException e) {
            throw new AssertionError(e);
        }
    }

    /** Enroll with a CSR for {@code subjectHostId}; throws StatusRuntimeException when refused. */
    public static EnrollResponse enroll(int tlsPort, X509Certificate ca, String token, HostInfo host, KeyPair key,
                                        String subjectHostId) {
        ManagedChannel channel = channel(tlsPort, ca, null, null);
        try {
            return AgentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .enroll(EnrollRequest.newBuilder().setToken(token).setHost(host)
                            .setCsrDer(ByteString.copyFrom(csr(key, subjectHostId))).build());
        } finally {
            channel.shutdownNow();
        }
    }

    private static final class FixedKeyManager extends X509ExtendedKeyManager {

        private static final String ALIAS = "agent";
        private final PrivateKey key;
        private final X509Certificate certificate;

        FixedKeyManager(PrivateKey key, X509Certificate certificate) {
            this.key = key;
            this.certificate = certificate;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {certificate};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }

    public static byte[] csr(KeyPair key, String hostId) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + hostId), key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())).getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

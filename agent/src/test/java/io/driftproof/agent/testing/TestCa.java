package io.driftproof.agent.testing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A certificate authority for tests, as the collector runs one: it issues the collector's server
 * certificate (serverAuth, a loopback SAN) and signs agents' CSRs (clientAuth).
 */
public final class TestCa {

    /** A key pair and the certificate for its public key. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Passed explicitly, never installed: the agent under test must work with the JDK's providers alone. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final Issued self;

    private TestCa(Issued self) {
        this.self = self;
    }

    public static TestCa create(String name) throws Exception {
        KeyPair keys = ecKeys();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(3650))), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new TestCa(new Issued(keys, sign(b, keys)));
    }

    public X509Certificate certificate() {
        return self.certificate();
    }

    /** A server certificate for 127.0.0.1 and localhost, valid now. */
    public Issued server() throws Exception {
        Instant now = Instant.now();
        return server(now.minusSeconds(60), now.plus(Duration.ofDays(365)));
    }

    public Issued server(Instant notBefore, Instant notAfter) throws Exception {
        return server(notBefore, notAfter, new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost"));
    }

    /** A server certificate, valid now, naming only {@code dnsName}. */
    public Issued server(String dnsName) throws Exception {
        Instant now = Instant.now();
        return server(now.minusSeconds(60), now.plus(Duration.ofDays(365)), new GeneralName(GeneralName.dNSName, dnsName));
    }

    private Issued server(Instant notBefore, Instant notAfter, GeneralName... names) throws Exception {
        KeyPair keys = ecKeys();
        JcaX509v3CertificateBuilder b = leaf("CN=collector", keys.getPublic(), notBefore, notAfter,
                KeyPurposeId.id_kp_serverAuth);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        return new Issued(keys, sign(b, self.keys()));
    }

    /** A client certificate, as an enrolled agent holds one. */
    public Issued client(String commonName) throws Exception {
        KeyPair keys = ecKeys();
        Instant now = Instant.now();
        return new Issued(keys, sign(leaf("CN=" + commonName, keys.getPublic(), now.minusSeconds(60),
                now.plus(Duration.ofDays(90)), KeyPurposeId.id_kp_clientAuth), self.keys()));
    }

    /** Signs a PKCS#10 request after checking its signature, keeping its subject: what the collector's Enroll does. */
    public X509Certificate sign(byte[] csrDer, Duration validity) throws Exception {
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(csrDer);
        if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(csr.getSubjectPublicKeyInfo()))) {
            throw new GeneralSecurityException("CSR signature does not verify");
        }
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded()),
                serial(), Date.from(now.minusSeconds(300)), Date.from(now.plus(validity)), csr.getSubject(),
                csr.getSubjectPublicKeyInfo())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return sign(b, self.keys());
    }

    /** A self-signed server certificate for 127.0.0.1, issued by no CA. */
    public static Issued selfSignedServer() throws Exception {
        KeyPair keys = ecKeys();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=impostor");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(30))), name, keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        return new Issued(keys, sign(b, keys));
    }

    private JcaX509v3CertificateBuilder leaf(String subject, PublicKey key, Instant notBefore, Instant notAfter,
                                             KeyPurposeId purpose) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate(), serial(), Date.from(notBefore),
                Date.from(notAfter), new X500Name(subject), key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        return b;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}

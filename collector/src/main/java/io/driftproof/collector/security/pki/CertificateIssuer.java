package io.driftproof.collector.security.pki;

import org.bouncycastle.asn1.ASN1Encodable;
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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Issues the collector's certificates: its CA, its TLS server certificate and agents' client
 * certificates, all EC P-256 / SHA256withECDSA with random 128-bit serials. */
public final class CertificateIssuer {

    /** Agent clocks drift: a certificate valid only from "now" would be refused by a clock behind. */
    static final Duration BACKDATE = Duration.ofMinutes(5);
    static final Duration CA_VALIDITY = Duration.ofDays(20 * 365);
    static final Duration SERVER_VALIDITY = Duration.ofDays(825);

    private final SecureRandom random;

    public CertificateIssuer(SecureRandom random) {
        this.random = random;
    }

    public KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is required by the Java platform", e);
        }
    }

    public X509Certificate ca(KeyPair key, String commonName, Instant now) {
        X500Name subject = new X500Name("CN=" + commonName);
        X509v3CertificateBuilder builder = builder(subject, subject, key.getPublic(), now, CA_VALIDITY);
        extensions(builder, key.getPublic(), null,
                new Extension(Extension.basicConstraints, true, encoded(new BasicConstraints(0))),
                new Extension(Extension.keyUsage, true, encoded(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))));
        return sign(builder, key.getPrivate());
    }

    public X509Certificate server(X509Certificate ca, PrivateKey caKey, PublicKey serverKey, List<String> names, Instant now) {
        X509v3CertificateBuilder builder = builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=" + names.get(0)), serverKey, now, SERVER_VALIDITY);
        GeneralName[] sans = names.stream().map(CertificateIssuer::generalName).toArray(GeneralName[]::new);
        extensions(builder, serverKey, ca,
                new Extension(Extension.basicConstraints, true, encoded(new BasicConstraints(false))),
                new Extension(Extension.keyUsage, true, encoded(new KeyUsage(KeyUsage.digitalSignature))),
                new Extension(Extension.extendedKeyUsage, false, encoded(new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))),
                new Extension(Extension.subjectAlternativeName, false, encoded(new GeneralNames(sans))));
        return sign(builder, caKey);
    }

    /** An agent's client certificate: subject CN=host id (checked syntax: no X.500 special characters),
     * clientAuth only (never serverAuth, so an
     * enrolled host cannot pose as the collector). */
    public X509Certificate client(X509Certificate ca, PrivateKey caKey, PublicKey agentKey, String hostId, Instant now,
                                  Duration validity) {
        X509v3CertificateBuilder builder = builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=" + hostId), agentKey, now, validity);
        extensions(builder, agentKey, ca,
                new Extension(Extension.basicConstraints, true, encoded(new BasicConstraints(false))),
                new Extension(Extension.keyUsage, true, encoded(new KeyUsage(KeyUsage.digitalSignature))),
                new Extension(Extension.extendedKeyUsage, false, encoded(new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))));
        return sign(builder, caKey);
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant now, Duration validity) {
        BigInteger serial = new BigInteger(128, random).setBit(127);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)),
                subject, key);
    }

    private static void extensions(X509v3CertificateBuilder builder, PublicKey subjectKey, X509Certificate issuer,
                                   Extension... extensions) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
            }
            for (Extension e : extensions) {
                builder.addExtension(e);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build certificate extensions", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(key)));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    private static GeneralName generalName(String name) {
        boolean ip = name.matches("[0-9.]+") || name.contains(":");
        return new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name);
    }

    private static byte[] encoded(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

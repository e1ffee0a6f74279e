package io.driftproof.agent.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM (RFC 7468) for the files the agent keeps: certificates and a PKCS#8 private key. */
public final class Pem {

    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    private Pem() {
    }

    public static String certificate(X509Certificate certificate) throws GeneralSecurityException {
        return encode(CERTIFICATE, certificate.getEncoded());
    }

    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("a PKCS#8 encodable key is required, got " + key.getFormat());
        }
        return encode(PRIVATE_KEY, key.getEncoded());
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /**
     * Every certificate in {@code pem}, in order.
     *
     * @throws GeneralSecurityException when a block is not a certificate, or there is none
     */
    public static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (byte[] der : blocks(pem, CERTIFICATE)) {
            certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certificates;
    }

    /** The one certificate {@code pem} must hold. */
    public static X509Certificate certificate(String pem) throws GeneralSecurityException {
        List<X509Certificate> all = certificates(pem);
        if (all.size() != 1) {
            throw new GeneralSecurityException("expected one certificate, found " + all.size());
        }
        return all.get(0);
    }

    /** The one PKCS#8 EC private key {@code pem} must hold. */
    public static PrivateKey ecPrivateKey(String pem) throws GeneralSecurityException {
        List<byte[]> keys = blocks(pem, PRIVATE_KEY);
        if (keys.size() != 1) {
            throw new GeneralSecurityException("expected one PKCS#8 private key, found " + keys.size());
        }
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(keys.get(0)));
    }

    private static List<byte[]> blocks(String pem, String label) throws GeneralSecurityException {
        List<byte[]> found = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (!m.group(1).equals(label)) {
                throw new GeneralSecurityException("unexpected PEM block " + m.group(1) + ", expected " + label);
            }
            try {
                found.add(Base64.getMimeDecoder().decode(m.group(2).getBytes(StandardCharsets.US_ASCII)));
            } catch (IllegalArgumentException e) {
                throw new GeneralSecurityException("a " + label + " PEM block is not base64: " + e.getMessage());
            }
        }
        if (found.isEmpty()) {
            throw new GeneralSecurityException("no " + label + " PEM block found");
        }
        return found;
    }
}

package io.driftproof.agent.tls;

import io.driftproof.agent.config.ConfigException;
import io.driftproof.agent.spool.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * This host's enrollment, as kept in the state directory: {@code client.key} (PKCS#8 PEM, mode
 * 0600), {@code client.crt} and {@code ca.crt} (PEM). Every file is replaced atomically and the
 * certificate last; reading checks that the three belong together, so an enrollment cut short by
 * a crash is reported, never half used.
 */
public final class Enrollment {

    public static final String KEY_FILE = "client.key";
    public static final String CERTIFICATE_FILE = "client.crt";
    public static final String CA_FILE = "ca.crt";
    private static final List<String> FILES = List.of(KEY_FILE, CERTIFICATE_FILE, CA_FILE);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final X509Certificate ca;

    private Enrollment(PrivateKey privateKey, X509Certificate certificate, X509Certificate ca) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.ca = ca;
    }

    /**
     * @throws GeneralSecurityException when the certificate is not for this key or not issued by {@code ca}
     */
    public static Enrollment of(PrivateKey privateKey, X509Certificate certificate, X509Certificate ca)
            throws GeneralSecurityException {
        if (!keyMatches(privateKey, certificate)) {
            throw new GeneralSecurityException("the client certificate is not for the client key");
        }
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException("the client certificate is not issued by the CA certificate", e);
        }
        return new Enrollment(privateKey, certificate, ca);
    }

    /** Whether any enrollment file is in {@code stateDir}, complete or not. */
    public static boolean present(Path stateDir) {
        return FILES.stream().anyMatch(f -> Files.exists(stateDir.resolve(f)));
    }

    /**
     * The enrollment in {@code stateDir}; empty when there is none.
     *
     * @throws ConfigException when it is incomplete, unreadable or inconsistent
     */
    public static Optional<Enrollment> read(Path stateDir) {
        if (!present(stateDir)) {
            return Optional.empty();
        }
        for (String f : FILES) {
            if (!Files.exists(stateDir.resolve(f))) {
                throw damaged(stateDir, "incomplete, " + f + " is missing");
            }
        }
        try {
            return Optional.of(of(Pem.ecPrivateKey(readString(stateDir, KEY_FILE)),
                    Pem.certificate(readString(stateDir, CERTIFICATE_FILE)), Pem.certificate(readString(stateDir, CA_FILE))));
        } catch (GeneralSecurityException e) {
            throw damaged(stateDir, e.getMessage());
        }
    }

    /** The client certificate alone (no private key read): for status, while the service runs. */
    public static Optional<X509Certificate> readCertificate(Path stateDir) throws IOException, GeneralSecurityException {
        Path file = stateDir.resolve(CERTIFICATE_FILE);
        return Files.exists(file) ? Optional.of(Pem.certificate(Files.readString(file, StandardCharsets.US_ASCII)))
                : Optional.empty();
    }

    private static String readString(Path stateDir, String name) {
        try {
            return Files.readString(stateDir.resolve(name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw damaged(stateDir, "cannot read " + name + ": " + e);
        }
    }

    private static ConfigException damaged(Path stateDir, String why) {
        return new ConfigException("the enrollment in " + stateDir + " is unusable (" + why
                + "): enroll again with 'driftproof-agent enroll --force'");
    }

    /** Stores the three files in {@code stateDir}, owned by the directory's owner (the service user, when root enrolls). */
    public void write(Path stateDir) throws IOException, GeneralSecurityException {
        UserPrincipal owner = Files.getOwner(stateDir);
        byte[] key = Pem.privateKey(privateKey).getBytes(StandardCharsets.US_ASCII);
        byte[] cert = Pem.certificate(certificate).getBytes(StandardCharsets.US_ASCII);
        byte[] caCert = Pem.certificate(ca).getBytes(StandardCharsets.US_ASCII);
        AtomicFiles.write(stateDir.resolve(CA_FILE), WORLD_READABLE, owner, out -> out.write(caCert));
        AtomicFiles.write(stateDir.resolve(KEY_FILE), OWNER_READ_WRITE, owner, out -> out.write(key));
        AtomicFiles.write(stateDir.resolve(CERTIFICATE_FILE), WORLD_READABLE, owner, out -> out.write(cert));
    }

    private static boolean keyMatches(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(challenge);
        return verifier.verify(signature);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public X509Certificate ca() {
        return ca;
    }
}

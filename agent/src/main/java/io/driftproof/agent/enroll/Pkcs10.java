package io.driftproof.agent.enroll;

import javax.security.auth.x500.X500Principal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;

/**
 * A PKCS#10 certification request (RFC 2986) for an EC key, DER encoded: subject {@code CN=<name>},
 * no attributes, signed with SHA256withECDSA. The JDK has no public API for it, and this is all
 * the agent asks of one.
 */
public final class Pkcs10 {

    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    /** RFC 5280 ub-common-name. */
    private static final int MAX_COMMON_NAME = 64;

    private Pkcs10() {
    }

    /**
     * @param keyPair    an EC key pair; the request carries its public key and is signed with its private key
     * @param commonName the subject's CN, 1 to 64 characters
     */
    public static byte[] request(KeyPair keyPair, String commonName) throws GeneralSecurityException {
        if (!(keyPair.getPublic() instanceof ECPublicKey)) {
            throw new IllegalArgumentException("an EC key pair is required, got " + keyPair.getPublic().getAlgorithm());
        }
        byte[] info = Der.sequence(
                Der.integer(0),
                subject(commonName),
                // X.509 SubjectPublicKeyInfo, exactly as the JDK encodes the key.
                keyPair.getPublic().getEncoded(),
                Der.contextConstructed(0));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keyPair.getPrivate());
        signer.update(info);
        return Der.sequence(info, Der.sequence(Der.oid(ECDSA_WITH_SHA256)), Der.bitString(signer.sign()));
    }

    /** The DER Name {@code CN=<commonName>}. */
    static byte[] subject(String commonName) {
        if (commonName.isEmpty() || commonName.length() > MAX_COMMON_NAME) {
            throw new IllegalArgumentException("a common name has 1 to " + MAX_COMMON_NAME + " characters, got "
                    + commonName.length());
        }
        return Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))));
    }

    /** The subject a certificate issued for this request carries. */
    public static X500Principal subjectPrincipal(String commonName) {
        return new X500Principal(subject(commonName));
    }
}

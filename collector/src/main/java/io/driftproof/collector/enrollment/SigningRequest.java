package io.driftproof.collector.enrollment;

import io.driftproof.collector.ingest.AgentRefused;
import io.grpc.Status;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;

/** The checks ADR 0003 puts on an agent's PKCS#10 request: self-signature, key type and size, and
 * a subject of exactly CN=&lt;host id&gt;. */
final class SigningRequest {

    /** P-256's group order; any other curve of 256 bits is refused too. */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private SigningRequest() {
    }

    /** The request's public key; throws {@link AgentRefused} with INVALID_ARGUMENT naming the problem. */
    static PublicKey verifiedKey(byte[] der, String hostId) {
        JcaPKCS10CertificationRequest csr;
        PublicKey key;
        try {
            csr = new JcaPKCS10CertificationRequest(der);
            key = csr.getPublicKey();
        } catch (Exception e) {
            throw invalid("csr_der is not a DER-encoded PKCS#10 certification request");
        }
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw invalid("the certification request's signature does not verify");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw invalid("the certification request's signature cannot be verified: " + e.getMessage());
        }
        if (!acceptedKey(key)) {
            throw invalid("the certification request's key must be EC P-256 or RSA of at least 2048 bits");
        }
        RDN[] rdns = csr.getSubject().getRDNs();
        if (rdns.length != 1 || rdns[0].isMultiValued() || !BCStyle.CN.equals(rdns[0].getFirst().getType())
                || !hostId.equals(IETFUtils.valueToString(rdns[0].getFirst().getValue()))) {
            throw invalid("the certification request's subject must be exactly CN=" + hostId + " (the host id), got "
                    + csr.getSubject());
        }
        return key;
    }

    private static boolean acceptedKey(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            ECParameterSpec params = ec.getParams();
            return params.getOrder().equals(P256_ORDER);
        }
        return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048;
    }

    private static AgentRefused invalid(String description) {
        return new AgentRefused(Status.INVALID_ARGUMENT.withDescription(description));
    }
}

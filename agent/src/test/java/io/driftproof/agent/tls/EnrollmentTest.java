package io.driftproof.agent.tls;

import io.driftproof.agent.config.ConfigException;
import io.driftproof.agent.testing.TestCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentTest {

    private static TestCa ca;
    private static TestCa otherCa;
    private static TestCa.Issued client;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCa.create("driftproof test CA");
        otherCa = TestCa.create("another CA");
        client = ca.client("0123456789abcdef");
    }

    private static Enrollment enrollment() throws GeneralSecurityException {
        return Enrollment.of(client.keys().getPrivate(), client.certificate(), ca.certificate());
    }

    @Test
    void storesThreePemFilesTheKeyPrivateToTheOwner() throws Exception {
        enrollment().write(stateDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve("client.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(stateDir.resolve("client.key"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(stateDir.resolve("client.crt"))).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(Files.readString(stateDir.resolve("ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----\n");
        try (var files = Files.list(stateDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("client.key", "client.crt", "ca.crt");
        }

        Enrollment read = Enrollment.read(stateDir).orElseThrow();
        assertThat(read.privateKey().getEncoded()).isEqualTo(client.keys().getPrivate().getEncoded());
        assertThat(read.certificate()).isEqualTo(client.certificate());
        assertThat(read.ca()).isEqualTo(ca.certificate());
        assertThat(Enrollment.readCertificate(stateDir)).contains(client.certificate());
    }

    @Test
    void aLeftoverTemporaryKeyFileDoesNotWidenThePermissions() throws Exception {
        Path leftover = stateDir.resolve("client.key.tmp");
        Files.writeString(leftover, "junk");
        Files.setPosixFilePermissions(leftover, PosixFilePermissions.fromString("rw-r--r--"));

        enrollment().write(stateDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve("client.key"))))
                .isEqualTo("rw-------");
        assertThat(leftover).doesNotExist();
    }

    @Test
    void noFilesMeansNotEnrolled() throws Exception {
        assertThat(Enrollment.present(stateDir)).isFalse();
        assertThat(Enrollment.read(stateDir)).isEmpty();
        assertThat(Enrollment.readCertificate(stateDir)).isEmpty();
    }

    @Test
    void anIncompleteEnrollmentIsReported() throws Exception {
        enrollment().write(stateDir);
        Files.delete(stateDir.resolve("ca.crt"));

        assertThat(Enrollment.present(stateDir)).isTrue();
        assertThatThrownBy(() -> Enrollment.read(stateDir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("incomplete, ca.crt is missing").hasMessageContaining("enroll --force");
    }

    @Test
    void aCertificateForAnotherKeyIsReported() throws Exception {
        enrollment().write(stateDir);
        Files.writeString(stateDir.resolve("client.crt"), Pem.certificate(ca.client("0123456789abcdef").certificate()));

        assertThatThrownBy(() -> Enrollment.read(stateDir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not for the client key");
    }

    @Test
    void aCaThatDidNotIssueTheCertificateIsReported() throws Exception {
        enrollment().write(stateDir);
        Files.writeString(stateDir.resolve("ca.crt"), Pem.certificate(otherCa.certificate()));

        assertThatThrownBy(() -> Enrollment.read(stateDir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not issued by the CA certificate");
    }

    @Test
    void aGarbledKeyIsReported() throws Exception {
        enrollment().write(stateDir);
        Files.writeString(stateDir.resolve("client.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> Enrollment.read(stateDir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unusable");
    }

    @Test
    void summaryAndExpiryWarning() throws Exception {
        Instant notAfter = client.certificate().getNotAfter().toInstant();

        assertThat(CertificateSummary.describe(client.certificate(), notAfter.minus(Duration.ofDays(40))))
                .startsWith("subject CN=0123456789abcdef, serial " + client.certificate().getSerialNumber().toString(16))
                .endsWith("expires " + notAfter + " (in 40 days)");
        assertThat(CertificateSummary.expiryWarning(client.certificate(), notAfter.minus(Duration.ofDays(31)))).isEmpty();
        assertThat(CertificateSummary.expiryWarning(client.certificate(), notAfter.minus(Duration.ofDays(29))))
                .hasValueSatisfying(w -> assertThat(w).contains("expires soon").contains("enroll --force"));
        assertThat(CertificateSummary.expiryWarning(client.certificate(), notAfter.plus(Duration.ofDays(2))))
                .hasValueSatisfying(w -> assertThat(w).contains("has expired").contains("expired 2 days ago"));
    }
}

package io.driftproof.agent.transport;

import io.driftproof.agent.testing.TestCa;
import io.driftproof.agent.tls.Enrollment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateWarningTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(MutualTls.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel() == Level.WARNING) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void warnsFromThirtyDaysBeforeExpiryAtMostOnceADay() throws Exception {
        TestCa ca = TestCa.create("driftproof test CA");
        TestCa.Issued client = ca.client("0123456789abcdef");
        MutualTls tls = new MutualTls(Enrollment.of(client.keys().getPrivate(), client.certificate(), ca.certificate()));
        Instant notAfter = client.certificate().getNotAfter().toInstant();

        tls.checkCertificate(notAfter.minus(Duration.ofDays(31)));
        assertThat(warnings).isEmpty();

        Instant first = notAfter.minus(Duration.ofDays(29));
        tls.checkCertificate(first);
        tls.checkCertificate(first.plus(Duration.ofHours(23)));
        assertThat(warnings).singleElement().asString().contains("expires soon").contains("CN=0123456789abcdef");

        tls.checkCertificate(first.plus(Duration.ofDays(1)));
        tls.checkCertificate(notAfter.plus(Duration.ofDays(1)));
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(2)).contains("has expired");
    }
}

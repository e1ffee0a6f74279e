package io.driftproof.proto;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentTokenTest {

    private static final byte[] CA = "stand-in for a CA certificate's DER".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String pin() {
        return B64.encodeToString(EnrollmentToken.pinOf(CA));
    }

    private static String secret(int bytes) {
        byte[] s = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            s[i] = (byte) (i * 37 + 250);
        }
        return B64.encodeToString(s);
    }

    @Test
    void createdTokenParsesBackAndPinsItsCa() {
        EnrollmentToken created = EnrollmentToken.create(CA, new SecureRandom());

        EnrollmentToken parsed = EnrollmentToken.parse(created.encoded());

        assertThat(parsed).isEqualTo(created);
        assertThat(parsed.pins(CA)).isTrue();
        assertThat(parsed.pins("another CA".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(parsed.secretMatches(created)).isTrue();
        assertThat(created.encoded()).matches("dpe1\\.[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void minimumSecretIs128Bits() {
        EnrollmentToken token = EnrollmentToken.parse("dpe1." + secret(16) + "." + pin());

        assertThat(token.caPin()).isEqualTo(EnrollmentToken.pinOf(CA));
        assertThat(token.secretHash()).hasSize(32);
    }

    @Test
    void twoCreatedTokensDifferInTheirSecret() {
        EnrollmentToken a = EnrollmentToken.create(CA, new SecureRandom());
        EnrollmentToken b = EnrollmentToken.create(CA, new SecureRandom());

        assertThat(a.secretMatches(b)).isFalse();
        assertThat(a.secretHash()).isNotEqualTo(b.secretHash());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        EnrollmentToken token = EnrollmentToken.create(CA, new SecureRandom());
        String secretPart = token.encoded().split("\\.")[1];

        assertThat(token.toString()).doesNotContain(secretPart).endsWith(pin());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // wrong or missing version prefix
            "dpe2.SECRET16.PIN                | has the form dpe1.<secret>.<ca-pin>",
            "DPE1.SECRET16.PIN                | has the form dpe1.<secret>.<ca-pin>",
            "SECRET16.PIN                     | has the form dpe1.<secret>.<ca-pin>",
            "dpe1.SECRET16.PIN.extra          | has the form dpe1.<secret>.<ca-pin>",
            // characters outside base64url: standard base64, padding, whitespace
            "dpe1.ab+cdefghijklmnopqrstu.PIN  | secret is not unpadded base64url",
            "dpe1.SECRET16==.PIN              | secret is not unpadded base64url",
            "dpe1.SECRET16.PIN=               | ca-pin is not unpadded base64url",
            "dpe1..PIN                        | secret is not unpadded base64url",
            // a length no base64 encoding has (4n+1 characters)
            "dpe1.abcdefghijklmnopqrstu.PIN   | secret is not valid base64url",
            // the last character carries bits the decoder drops: two spellings of one secret
            "dpe1.AAAAAAAAAAAAAAAAAAAAAB.PIN  | secret is not canonical base64url",
            // 15 bytes = 120 bits
            "dpe1.SECRET15.PIN                | secret must be 16 to 64 bytes",
            "dpe1.SECRET65.PIN                | secret must be 16 to 64 bytes",
            // a SHA-1 sized pin
            "dpe1.SECRET16.PIN20              | ca-pin must be a SHA-256 digest",
    })
    void badTokensAreRefusedWithTheReason(String template, String reason) {
        String token = template.strip()
                .replace("SECRET16", secret(16)).replace("SECRET15", secret(15)).replace("SECRET65", secret(65))
                .replace("PIN20", B64.encodeToString(new byte[20])).replace("PIN", pin());

        assertThatThrownBy(() -> EnrollmentToken.parse(token))
                .isInstanceOf(EnrollmentToken.InvalidTokenException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret(16)));
    }
}

package io.driftproof.agent.enroll;

import io.driftproof.agent.Main;
import io.driftproof.agent.cli.AgentCommand;
import io.driftproof.agent.cli.CommandLine;
import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigException;
import io.driftproof.agent.config.ConfigLoader;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.snapshot.HostIdentity;
import io.driftproof.agent.state.StateDirectory;
import io.driftproof.agent.state.StateLock;
import io.driftproof.agent.tls.CertificateSummary;
import io.driftproof.agent.tls.Enrollment;
import io.driftproof.proto.EnrollmentToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code enroll --collector HOST:PORT --token T}: one-time enrollment for the client certificate of mTLS. */
public final class EnrollCommand implements AgentCommand {

    private final Clock clock = Clock.systemUTC();

    @Override
    public String name() {
        return "enroll";
    }

    @Override
    public String summary() {
        return "enroll this host with the collector: a one-time token buys the client certificate for mTLS";
    }

    @Override
    public Map<String, String> switches() {
        return Map.of("force", "replace this host's existing enrollment");
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("token", "the enrollment token from the collector (dpe1.<secret>.<ca-pin>)");
        o.put("token-file", "read the token from FILE instead (keeps it out of the process list)");
        return o;
    }

    @Override
    public int run(CommandLine line) throws Exception {
        EnrollmentToken token = token(line.option("token"), line.option("token-file"));
        AgentConfig config = new ConfigLoader().load(line.settings());
        if (config.plaintext()) {
            throw new ConfigException("enroll always uses TLS: remove the plaintext setting");
        }
        String target = config.collector().orElseThrow(() -> new ConfigException("enroll needs --collector HOST:PORT"));
        Path stateDir = config.stateDir();
        StateDirectory.createPrivate(stateDir);
        try (StateLock lock = StateLock.acquire(stateDir)) {
            if (Enrollment.present(stateDir) && !line.has("force")) {
                throw new ConfigException("this host is already enrolled (client certificate in " + stateDir
                        + "): pass --force to replace the enrollment");
            }
            Enrollment enrollment = new Enroller(clock).enroll(target, token, HostIdentity.read(HostRoot.of(config.root())),
                    stateDir);
            System.out.println("enrolled with collector " + target + ": client certificate "
                    + CertificateSummary.describe(enrollment.certificate(), clock.instant()) + ", stored in " + stateDir);
        }
        return Main.EXIT_OK;
    }

    private static EnrollmentToken token(Optional<String> given, Optional<String> file) throws IOException {
        if (given.isPresent() == file.isPresent()) {
            throw new ConfigException("enroll needs either --token T or --token-file FILE");
        }
        String text = given.isPresent() ? given.get() : readTokenFile(Path.of(file.get()));
        try {
            return EnrollmentToken.parse(text);
        } catch (EnrollmentToken.InvalidTokenException e) {
            throw new ConfigException("token: " + e.getMessage());
        }
    }

    private static String readTokenFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("token-file: " + file + " does not exist or is not a file");
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
}

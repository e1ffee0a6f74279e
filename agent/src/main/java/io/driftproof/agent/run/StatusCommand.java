package io.driftproof.agent.run;

import io.driftproof.agent.Main;
import io.driftproof.agent.cli.AgentCommand;
import io.driftproof.agent.cli.CommandLine;
import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigLoader;
import io.driftproof.agent.state.AgentStatus;
import io.driftproof.agent.tls.CertificateSummary;
import io.driftproof.agent.tls.Enrollment;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * {@code status}: the agent's view and spool counters and its client certificate, read from the
 * state directory (works while the service runs).
 */
public final class StatusCommand implements AgentCommand {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "show the last spooled and acknowledged seq, the spool counters and the client certificate";
    }

    @Override
    public int run(CommandLine line) throws Exception {
        AgentConfig config = new ConfigLoader().load(line.settings());
        AgentStatus.read(config.stateDir(), config.spoolLimit()).print(System.out);
        System.out.println("client-certificate: " + certificate(config.stateDir(), Instant.now()));
        return Main.EXIT_OK;
    }

    private static String certificate(Path stateDir, Instant now) {
        try {
            return Enrollment.readCertificate(stateDir).map(c -> CertificateSummary.describe(c, now))
                    .orElse("- (not enrolled)");
        } catch (IOException | GeneralSecurityException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}

package io.driftproof.collector.ingest;

import io.driftproof.proto.v1.Hello;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/** Development identity: trusts the host id the agent names in its Hello. */
@ApplicationScoped
public class HelloAgentIdentity implements AgentIdentity {

    /** machine-id is 32 hex digits; other stable ids (UUIDs, names) fit too. */
    private static final Pattern HOST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    @Override
    public String hostId(Hello hello) {
        String id = hello.getHost().getHostId();
        if (!HOST_ID.matcher(id).matches()) {
            throw new ProtocolViolation("Hello.host.host_id must be 1-128 characters of A-Z a-z 0-9 . _ : - , got '"
                    + id.substring(0, Math.min(id.length(), 140)) + "'");
        }
        return id;
    }
}

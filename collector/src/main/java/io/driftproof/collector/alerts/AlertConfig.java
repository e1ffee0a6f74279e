package io.driftproof.collector.alerts;

import io.driftproof.collector.findings.FindingType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where drift alerts go: named channels (driftproof.alerts.channels.NAME.*), each of one type,
 * each subscribed to some finding types. */
@ConfigMapping(prefix = "driftproof.alerts")
public interface AlertConfig {

    /** The collector's address as people reach it, for the links in alerts. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** Attempts per alert and channel before it is given up (and stays in the outbox with its last error). */
    @WithDefault("12")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one. */
    @WithDefault("PT30S")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** The channels, by name. */
    Map<String, Channel> channels();

    interface Channel {
        /** WEBHOOK (generic JSON), SLACK, TEAMS (incoming webhooks), EMAIL (SMTP via quarkus.mailer.*) or SYSLOG (RFC 5424, CEF). */
        ChannelType type();

        /** The webhook URL (WEBHOOK, SLACK, TEAMS). */
        Optional<String> url();

        /** Recipients (EMAIL). */
        Optional<List<String>> to();

        /** The syslog server (SYSLOG). */
        Optional<String> host();

        /** The syslog server's port (SYSLOG). */
        @WithDefault("514")
        int port();

        /** UDP, or TCP with octet-counting framing (RFC 6587) (SYSLOG). */
        @WithDefault("UDP")
        SyslogProtocol protocol();

        /** The finding types this channel is told about. */
        @WithDefault("UNAPPROVED_CHANGE,EMERGENCY_APPROVAL_OVERDUE")
        List<FindingType> findings();
    }

    enum ChannelType { WEBHOOK, SLACK, TEAMS, EMAIL, SYSLOG }

    enum SyslogProtocol { UDP, TCP }
}

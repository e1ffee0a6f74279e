package io.driftproof.collector.integrations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Inbound webhooks from ticketing systems (POST /api/v1/integrations/{jira|servicenow}); field
 * mapping in docs/integrations.md. Each system authenticates with its own shared secret. */
@ConfigMapping(prefix = "driftproof.integrations")
public interface IntegrationConfig {

    /** Jira Service Management. */
    Jira jira();

    /** ServiceNow. */
    ServiceNow servicenow();

    interface Jira {
        /** The secret Jira sends in the X-Driftproof-Secret header (env DRIFTPROOF_INTEGRATIONS_JIRA_SECRET);
         * while unset, every call is refused. */
        Optional<String> secret();

        /** The "Change type" field (Standard, Normal, Emergency). */
        @WithDefault("customfield_10005")
        String changeTypeField();

        /** The "Planned start" field. */
        @WithDefault("customfield_10021")
        String plannedStartField();

        /** The "Planned end" field. */
        @WithDefault("customfield_10022")
        String plannedEndField();

        /** The "Approvals" field of the service project. */
        @WithDefault("customfield_10027")
        String approvalsField();

        /** A text field listing the affected hosts (ids, hostnames or tag:NAME). */
        @WithDefault("customfield_10060")
        String hostsField();

        /** A text field listing the expected changes, one KIND ACTION key [target] per line. */
        @WithDefault("customfield_10061")
        String expectationsField();

        /** A text field with the business justification. */
        @WithDefault("customfield_10062")
        String justificationField();
    }

    interface ServiceNow {
        /** The secret ServiceNow sends in the X-Driftproof-Secret header (env
         * DRIFTPROOF_INTEGRATIONS_SERVICENOW_SECRET); while unset, every call is refused. */
        Optional<String> secret();

        /** The change_request column listing the affected hosts. */
        @WithDefault("u_affected_hosts")
        String hostsField();

        /** The change_request column listing the expected changes. */
        @WithDefault("u_expected_changes")
        String expectationsField();
    }
}

package io.driftproof.collector.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.SecurityEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Every denied REST request is logged (who, what, why) and counted as
 * {@code driftproof.security.denied{reason=authentication|authorization}}. */
@Startup
@ApplicationScoped
public class DeniedAccessLog {

    private static final Logger LOG = Logger.getLogger(DeniedAccessLog.class);

    private final Counter unauthenticated;
    private final Counter unauthorized;

    DeniedAccessLog(MeterRegistry registry) {
        unauthenticated = denied(registry, "authentication");
        unauthorized = denied(registry, "authorization");
    }

    void onAuthenticationFailure(@Observes AuthenticationFailureEvent event) {
        unauthenticated.increment();
        LOG.warnf("denied %s: authentication failed (%s)", request(event), message(event.getAuthenticationFailure()));
    }

    void onAuthorizationFailure(@Observes AuthorizationFailureEvent event) {
        unauthorized.increment();
        LOG.warnf("denied %s to %s: %s", request(event), user(event.getSecurityIdentity()),
                message(event.getAuthorizationFailure()));
    }

    private static Counter denied(MeterRegistry registry, String reason) {
        return Counter.builder("driftproof.security.denied").tag("reason", reason)
                .description("REST requests denied for want of valid credentials or of a role").register(registry);
    }

    private static String request(SecurityEvent event) {
        return event.getEventProperties().values().stream().filter(RoutingContext.class::isInstance)
                .map(RoutingContext.class::cast).findFirst()
                .map(r -> r.request().method() + " " + r.normalizedPath()).orElse("a request");
    }

    private static String user(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? "an anonymous caller"
                : "user '" + identity.getPrincipal().getName() + "' with roles " + identity.getRoles();
    }

    private static String message(Throwable failure) {
        return failure == null ? "no reason given" : failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}

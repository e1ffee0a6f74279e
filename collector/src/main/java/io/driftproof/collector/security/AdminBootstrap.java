package io.driftproof.collector.security;

import io.driftproof.collector.common.ConflictRetry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Creates the first administrator, user {@code admin}, when no such user exists. Its password
 * comes from DRIFTPROOF_ADMIN_PASSWORD; when that is unset one is generated and printed once.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final UserService users;
    private final Optional<String> adminPassword;

    AdminBootstrap(UserService users, SecurityConfig config) {
        this.users = users;
        this.adminPassword = config.adminPassword();
    }

    void onStart(@Observes StartupEvent start) {
        // Another replica starting at the same time may win the race for the row: then it exists.
        ConflictRetry.run(this::createAdminIfAbsent);
    }

    private Void createAdminIfAbsent() {
        if (users.get(ADMIN).isPresent()) {
            return null;
        }
        String password = adminPassword.filter(p -> !p.isBlank()).orElseGet(AdminBootstrap::generate);
        users.create(new UserRequest(ADMIN, password, List.of(Role.ADMIN.name())), "driftproof");
        if (adminPassword.isEmpty()) {
            // Printed once, on the console of the very first start: it is stored only as a hash.
            System.out.println("driftproof: created user 'admin' with the generated password " + password
                    + " (set DRIFTPROOF_ADMIN_PASSWORD to choose it)");
        }
        LOG.info("created the first administrator, user 'admin'");
        return null;
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package io.driftproof.collector.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives a user signed in through OIDC the driftproof roles its token's role claim maps to
 * (driftproof.oidc.role-mapping), and no other roles: a group of the identity provider never
 * becomes a role by accident. Local users and API tokens pass unchanged.
 */
@ApplicationScoped
public class OidcRoleMapping implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(OidcRoleMapping.class);

    private final Map<String, String> mapping;

    OidcRoleMapping(SecurityConfig config) {
        this.mapping = config.oidc().roleMapping();
        mapping.forEach((claim, role) -> {
            if (Role.parse(role).isEmpty()) {
                throw new IllegalStateException("driftproof.oidc.role-mapping.\"" + claim + "\"=" + role
                        + " does not name a role (REQUESTER, APPROVER, IMPLEMENTER, AUDITOR, ADMIN)");
            }
        });
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = roles(identity.getRoles());
        LOG.debugf("OIDC user %s: claim values %s give roles %s", identity.getPrincipal().getName(), identity.getRoles(), roles);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes()).addRoles(roles).build());
    }

    Set<String> roles(Set<String> claimValues) {
        Set<String> roles = new LinkedHashSet<>();
        for (String value : claimValues) {
            Optional.ofNullable(mapping.get(value)).or(() -> Role.parse(value.toUpperCase(Locale.ROOT)).map(Enum::name))
                    .ifPresent(roles::add);
        }
        return roles;
    }
}

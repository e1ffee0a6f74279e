package io.driftproof.collector.security;

import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.common.ServerClock;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates and reads local users. */
@ApplicationScoped
public class UserService {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String USERNAME = "[A-Za-z0-9._@-]{1,128}";

    private final ServerClock clock;

    UserService(ServerClock clock) {
        this.clock = clock;
    }

    @Transactional
    public UserView create(UserRequest request, String createdBy) {
        if (request == null || request.username() == null || !request.username().matches(USERNAME)) {
            throw ProblemException.field("username", "username must be 1 to 128 letters, digits or . _ @ -");
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD_LENGTH) {
            throw ProblemException.field("password", "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Set<String> roles = Role.namesOf(request.roles());
        if (find(request.username()).isPresent()) {
            throw new ProblemException(Status.CONFLICT, "User exists", "a user named '" + request.username() + "' exists");
        }
        AppUser user = new AppUser();
        user.username = request.username();
        user.passwordHash = BcryptUtil.bcryptHash(request.password());
        user.roles = String.join(",", roles);
        user.createdAt = clock.now();
        user.createdBy = createdBy;
        user.persist();
        return view(user);
    }

    @Transactional
    public Optional<UserView> get(String username) {
        return find(username).map(UserService::view);
    }

    private static Optional<AppUser> find(String username) {
        return AppUser.find("username", username).firstResultOptional();
    }

    private static UserView view(AppUser user) {
        return new UserView(user.username, List.of(user.roles.split(",")), user.createdAt, user.createdBy);
    }
}

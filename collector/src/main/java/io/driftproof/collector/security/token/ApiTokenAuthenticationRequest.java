package io.driftproof.collector.security.token;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token starting with {@code dpat_}, to be checked by {@link ApiTokenIdentityProvider}. */
public class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public ApiTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}

package nl.lpz.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling: from the gateway's verified proof ({@link GatewayProofVerifier}), or, for debugging only, from the
 * identity headers as sent ({@link TrustedHeaders}). Throws a 401 {@code ApiException} when there is no caller.
 */
public interface CallerIdentification {
    Caller identify(HttpServletRequest request);
}

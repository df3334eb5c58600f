package nl.lpz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.contract.ProblemCodes;
import org.springframework.http.HttpStatus;

/**
 * {@code lpz.identity.trust-headers=true}: the caller as the {@code X-Lpz-*} headers say, without proof. Anyone who
 * reaches the service can claim any role; for debugging a single service and nothing else.
 */
public final class TrustedHeaders implements CallerIdentification {
    @Override
    public Caller identify(HttpServletRequest request) {
        String subject = request.getHeader(IdentityHeaders.SUBJECT);
        if (subject == null || subject.isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHENTICATED,
                    "a caller (" + IdentityHeaders.SUBJECT + ") is required");
        }
        return Caller.fromHeaders(subject, request.getHeader(IdentityHeaders.ROLES),
                request.getHeader(IdentityHeaders.ORGANISATION), request.getHeader(IdentityHeaders.REGION));
    }
}

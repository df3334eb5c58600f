package nl.lpz.reporting.audit;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verification for the operator on the host ({@code ./lpz audit verify}), outside {@code /api} like the other
 * operator endpoints: the gateway does not route it, the service listens on loopback locally and behind a
 * NetworkPolicy in Kubernetes. Through the gateway, ADMIN asks {@code GET /api/v1/audit/verification}.
 */
@Hidden
@RestController
class AuditOperatorController {
    private final AuditVerification verification;

    AuditOperatorController(AuditVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/internal/audit/verification")
    public AuditVerification.Result verify() {
        return verification.verify();
    }
}

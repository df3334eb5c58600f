package nl.lpz.reporting.publicfigures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PublicCapacityController {
    private final PublicCapacitySource source;

    PublicCapacityController(PublicCapacitySource source) {
        this.source = source;
    }

    @Operation(summary = "Anonymised national and per ROAZ region figures (secondary use)",
            description = "ICU, clinic and total: capacity, occupied, available and patients by COVID status, of "
                    + "shared organisations only, with disclosure control: cells with too few organisations and "
                    + "patient counts 1..9 suppressed, plus complementary suppression; see the suppression block.")
    @GetMapping("/api/v1/public/capacity")
    public PublicCapacity capacity(@Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.PUBLIC_AGGREGATE, Role.LCPS, Role.ADMIN);
        return source.current();
    }
}

package nl.lpz.capacity.web;

import java.util.List;
import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The versioned bed label code list that bed events are validated against. */
@RestController
class CodeListController {
    private final LabelsAnswer current;

    CodeListController() {
        LabelCodeList list = LabelCodeList.current();
        this.current = new LabelsAnswer(list.version(),
                list.specialistisch().stream().map(e -> new Specialistisch(e.code(), e.nameNl(), e.icu(),
                        e.childrenIcu().map(Enum::name).orElse(null))).toList(),
                list.specialisme().stream().map(e -> new Specialisme(e.code(), e.nameNl())).toList());
    }

    /**
     * {@code childrenIcu}: {@code PICU} or {@code NICU} for the ICU elements counted in that children's ICU group of
     * the RCPS/LCPS feeds and the regional picture (from the element's EDXL-HAVE bed type), else null. Added to the
     * contract's {code, name, icu}.
     */
    record Specialistisch(String code, String name, boolean icu, String childrenIcu) {
    }

    record Specialisme(String code, String name) {
    }

    record LabelsAnswer(String version, List<Specialistisch> specialistisch, List<Specialisme> specialisme) {
    }

    @GetMapping("/api/v1/code-lists/labels")
    LabelsAnswer labels(Caller caller) {
        caller.requireAny(Role.values());
        return current;
    }
}

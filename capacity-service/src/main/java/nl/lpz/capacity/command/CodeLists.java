package nl.lpz.capacity.command;

import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.events.capacity.BedLabels;

/** The label code list producers validate against, loaded once. */
final class CodeLists {
    static final LabelCodeList CURRENT = LabelCodeList.current();

    private CodeLists() {
    }

    /** Why these labels are not in the current code list, or null when they are. */
    static String unknownElement(BedLabels labels) {
        if (CURRENT.specialistisch(labels.specialistisch()).isEmpty()) {
            return "unknown specialistisch element '" + labels.specialistisch() + "' (code list version "
                    + CURRENT.version() + ")";
        }
        if (labels.specialisme() != null && !CURRENT.isSpecialisme(labels.specialisme())) {
            return "unknown specialisme element '" + labels.specialisme() + "' (code list version "
                    + CURRENT.version() + ")";
        }
        return null;
    }
}

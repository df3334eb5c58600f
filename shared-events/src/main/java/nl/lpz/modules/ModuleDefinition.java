package nl.lpz.modules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of one module's definition (docs/modules.md): what its providers report and how it is read. Immutable;
 * a change is a new version, and events name the version they were written under. {@code offering} names the care
 * kinds (a location's {@code careOffered}) of the providers expected to deliver it; empty means all of them.
 */
public record ModuleDefinition(String id, int version, LocalizedName name, List<ProviderKind> providerKinds,
                               List<String> offering, Duration freshness, List<UnitDefinition> units,
                               List<ReaderRule> readers, List<DeliveryKpi> kpis) {

    public ModuleDefinition {
        providerKinds = List.copyOf(providerKinds);
        offering = offering == null ? List.of() : List.copyOf(offering);
        units = List.copyOf(units);
        readers = List.copyOf(readers);
        kpis = kpis.stream().sorted(Comparator.comparing(DeliveryKpi::from)).toList();
    }

    /**
     * Whether a provider offering this care is expected to deliver the module (for delivery compliance): every
     * provider of the module's kinds when {@code offering} is empty, else one that offers one of its care kinds.
     */
    public boolean expectedFrom(java.util.Collection<String> careOffered) {
        return offering.isEmpty() || offering.stream().anyMatch(careOffered::contains);
    }

    public Optional<UnitDefinition> unit(String kind) {
        return units.stream().filter(u -> u.kind().equals(kind)).findFirst();
    }

    /** The share of providers that must deliver on {@code day}, or empty before the first KPI date. */
    public Optional<Double> requiredShare(LocalDate day) {
        Double share = null;
        for (DeliveryKpi kpi : kpis) {
            if (!kpi.from().isAfter(day)) {
                share = kpi.share();
            }
        }
        return Optional.ofNullable(share);
    }

    /** The reader rules for this role, most permissive first (national before regional before own). */
    public List<ReaderRule> rulesFor(String role) {
        return readers.stream().filter(r -> r.role().equals(role))
                .sorted(Comparator.comparing(ReaderRule::scope).reversed()).toList();
    }

    /**
     * Reads a report's figures (JSON values: whole numbers for counts and durations, text for statuses) against the
     * unit's definition: every figure known, every required one present, each in range or in its list, every
     * invariant kept. The result holds either the figures or the first violation.
     */
    public Checked read(String unitKind, Map<String, ?> figures) {
        Optional<UnitDefinition> found = unit(unitKind);
        if (found.isEmpty()) {
            return Checked.violation(FigureViolation.UNKNOWN_UNIT_KIND, "module " + id + " (version " + version
                    + ") has no unit kind '" + unitKind + "'; it has " + units.stream().map(UnitDefinition::kind)
                    .toList());
        }
        UnitDefinition unit = found.get();
        Map<String, Long> values = new LinkedHashMap<>();
        Map<String, String> statuses = new LinkedHashMap<>();
        Map<String, ?> given = figures == null ? Map.of() : figures;
        for (Map.Entry<String, ?> entry : given.entrySet()) {
            Optional<FigureDefinition> figure = unit.figure(entry.getKey());
            if (figure.isEmpty()) {
                return Checked.violation(FigureViolation.UNKNOWN_FIGURE, "unit kind " + unitKind + " of module " + id
                        + " has no figure '" + entry.getKey() + "'");
            }
            FigureDefinition definition = figure.get();
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            if (definition.type() == FigureType.STATUS) {
                if (!(value instanceof String status)) {
                    return mismatch(definition, "text from " + definition.values());
                }
                if (!definition.values().contains(status)) {
                    return Checked.violation(FigureViolation.UNKNOWN_STATUS, "figure " + definition.id() + " is one of "
                            + definition.values() + ", not '" + status + "'");
                }
                statuses.put(definition.id(), status);
            } else {
                Long number = wholeNumber(value);
                if (number == null) {
                    return mismatch(definition, "a whole number");
                }
                if (number < 0 || number > definition.max()) {
                    return Checked.violation(FigureViolation.FIGURE_OUT_OF_RANGE, "figure " + definition.id()
                            + " lies in [0, " + definition.max() + "], not " + number);
                }
                values.put(definition.id(), number);
            }
        }
        for (FigureDefinition figure : unit.figures()) {
            if (figure.required() && !values.containsKey(figure.id()) && !statuses.containsKey(figure.id())) {
                return Checked.violation(FigureViolation.MISSING_FIGURE, "figure " + figure.id() + " of unit kind "
                        + unitKind + " is required");
            }
        }
        for (Invariant invariant : unit.invariants()) {
            if (!invariant.holds(values)) {
                return Checked.violation(FigureViolation.INVARIANT_BROKEN, "the figures break '" + invariant.text()
                        + "' (" + values + ")");
            }
        }
        return new Checked(new Figures(values, statuses), null);
    }

    private static Checked mismatch(FigureDefinition figure, String expected) {
        return Checked.violation(FigureViolation.FIGURE_TYPE_MISMATCH, "figure " + figure.id() + " is a "
                + figure.type() + " and takes " + expected);
    }

    private static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (value instanceof BigInteger) {
            return Long.MAX_VALUE;
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException notWhole) {
                return null;
            }
        }
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite() && d == Math.rint(d)
                && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return null;
    }

    /**
     * Checks one patient passage (lead times) against the unit kind's {@code passages}: the kind exists and keeps
     * lead times, every moment is one of its moments, the first is present and none lies before an earlier one.
     */
    public Optional<FigureViolation> checkPassage(String unitKind, Map<String, java.time.Instant> moments) {
        Optional<UnitDefinition> found = unit(unitKind);
        if (found.isEmpty()) {
            return Optional.of(new FigureViolation(FigureViolation.UNKNOWN_UNIT_KIND, "module " + id + " (version "
                    + version + ") has no unit kind '" + unitKind + "'"));
        }
        UnitPassages passages = found.get().passages();
        if (!passages.defined()) {
            return Optional.of(new FigureViolation(FigureViolation.NO_PASSAGES, "unit kind " + unitKind
                    + " of module " + id + " (version " + version + ") keeps no lead times"));
        }
        return passages.check(moments == null ? Map.of() : moments);
    }

    /** Either the figures of a report or why they do not fit. */
    public record Checked(Figures figures, FigureViolation violation) {
        static Checked violation(String code, String detail) {
            return new Checked(null, new FigureViolation(code, detail));
        }

        public boolean ok() {
            return violation == null;
        }
    }
}

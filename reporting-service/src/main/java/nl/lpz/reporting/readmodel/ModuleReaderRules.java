package nl.lpz.reporting.readmodel;

import java.util.Optional;
import java.util.function.Predicate;
import nl.lpz.contract.Role;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ReaderRule;
import nl.lpz.platform.web.Caller;
import org.springframework.stereotype.Component;

/**
 * The reader rules of a module's current definition (seed 002 §6–8) applied to a caller's roles in a ROAZ region: a
 * rule of scope NATIONAL covers every region, REGION the caller's own region in that role
 * ({@link RegionAccess#ownRegion}), OWN the providers of the caller's organisation in any region. When several apply
 * the widest wins: the whole region before the own providers, per provider before aggregate. The module's picture
 * turns the outcome into its refusals; views that show a module's figure beside other facts (the acute-care map's
 * crowding) show it where the picture would show that provider.
 */
@Component
public class ModuleReaderRules {
    private final RegionAccess regions;

    public ModuleReaderRules(RegionAccess regions) {
        this.regions = regions;
    }

    /** What the caller sees of the region's providers; {@code onlyOrganisation} null: every provider. */
    public record Grant(ReaderRule.Detail detail, String onlyOrganisation) {
        int rank() {
            return (onlyOrganisation == null ? 0 : 2) + (detail == ReaderRule.Detail.PROVIDER ? 0 : 1);
        }
    }

    /**
     * @param anyRule       a rule that counts names one of the caller's roles
     * @param grant         the widest grant in the region, if any
     * @param refusedRegion a regional rule named the caller's role but the region is not its own
     */
    public record Decision(boolean anyRule, Optional<Grant> grant, boolean refusedRegion) {
    }

    /** The caller's rules that {@code counted} accepts, applied to the region (whose existence is not checked). */
    public Decision decide(Caller caller, ModuleDefinition module, String roazRegionId, Predicate<ReaderRule> counted) {
        boolean anyRule = false;
        boolean refusedRegion = false;
        Optional<Grant> best = Optional.empty();
        for (Role role : caller.roles()) {
            for (ReaderRule rule : module.rulesFor(role.name())) {
                if (!counted.test(rule)) {
                    continue;
                }
                anyRule = true;
                Grant grant = null;
                switch (rule.scope()) {
                    case NATIONAL -> grant = new Grant(rule.detail(), null);
                    case REGION -> {
                        if (regions.ownRegion(caller, role, roazRegionId)) {
                            grant = new Grant(rule.detail(), null);
                        } else {
                            refusedRegion = true;
                        }
                    }
                    case OWN -> {
                        if (caller.organisation() != null) {
                            grant = new Grant(rule.detail(), caller.organisation());
                        }
                    }
                }
                if (grant != null) {
                    Grant candidate = grant;
                    best = Optional.of(best.filter(b -> b.rank() <= candidate.rank()).orElse(candidate));
                }
            }
        }
        return new Decision(anyRule, best, refusedRegion);
    }

    /**
     * Of which organisations the caller reads the region's providers one by one: every one, its own only, or none
     * (no rule for its roles, another region, aggregate figures only).
     */
    public Predicate<String> readsProvidersOf(Caller caller, ModuleDefinition module, String roazRegionId) {
        Optional<Grant> grant = decide(caller, module, roazRegionId, rule -> true).grant()
                .filter(g -> g.detail() == ReaderRule.Detail.PROVIDER);
        if (grant.isEmpty()) {
            return organisation -> false;
        }
        String only = grant.get().onlyOrganisation();
        return only == null ? organisation -> true : only::equals;
    }
}

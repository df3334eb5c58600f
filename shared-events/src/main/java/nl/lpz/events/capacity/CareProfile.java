package nl.lpz.events.capacity;

/**
 * The care a location is designated or equipped for beyond the stop kinds of {@code careOffered} (the Kliniek
 * profile page, seed 002 §1c). Levels are the Dutch ones, null where the location has none:
 * <ul>
 * <li>{@code traumaLevel} 1-3: level 1 is a designated trauma centre (one per trauma region), 2 and 3 take
 * ever fewer severely injured; only with an SEH.</li>
 * <li>{@code strokeIat}: an intra-arterial treatment centre (thrombectomy) for ischaemic stroke.</li>
 * <li>{@code nicuLevel} 1-3: neonatal care; 1 basic, 2 high care neonatology, 3 NICU (a perinatal centre).</li>
 * <li>{@code picu}: a paediatric intensive care unit.</li>
 * <li>{@code obstetricsLevel} 1-3: clinical obstetrics; 1 from 37 weeks, 2 from 32 weeks, 3 a perinatal centre;
 * only with VERLOSKUNDE (acute obstetric care).</li>
 * </ul>
 * PCI centre and SEH are stop kinds and stay in {@code careOffered}.
 */
public record CareProfile(Integer traumaLevel, boolean strokeIat, Integer nicuLevel, boolean picu,
                          Integer obstetricsLevel) {
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 3;

    /** The profile of a location nobody described yet. */
    public static final CareProfile NONE = new CareProfile(null, false, null, false, null);
}

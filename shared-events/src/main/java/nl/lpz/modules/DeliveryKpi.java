package nl.lpz.modules;

import java.time.LocalDate;

/**
 * From {@code from} on, at least {@code share} (0..1) of the module's providers deliver (seed 002 §3, Bijlage 1);
 * {@code source} quotes the agreement the KPI comes from.
 */
public record DeliveryKpi(LocalDate from, double share, String source) {
}

package nl.lpz.reporting.publicfigures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disclosure control of the public capacity figures ({@code lpz.reporting.public.*}, {@link PublicFigures}).
 *
 * @param minimumOrganisations organisations a published cell must aggregate over; a cell of fewer is suppressed
 *                             (at least 1)
 */
@ConfigurationProperties("lpz.reporting.public")
public record PublicFiguresProperties(@DefaultValue("3") int minimumOrganisations) {

    public PublicFiguresProperties {
        if (minimumOrganisations < 1) {
            throw new IllegalArgumentException("lpz.reporting.public.minimum-organisations must be at least 1");
        }
    }
}

package nl.lpz.capacity.acutecare;

import nl.lpz.capacity.topology.PopulationAreas;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reference population and the travel-time model; a routing engine's model is another {@link TravelTimeModel}
 * bean, which replaces the default.
 */
@Configuration
@EnableConfigurationProperties(AcuteCareMapProperties.class)
class AcuteCareMapConfig {

    @Bean
    PopulationAreas populationAreas() {
        return PopulationAreas.reference();
    }

    @Bean
    @ConditionalOnMissingBean(TravelTimeModel.class)
    TravelTimeModel greatCircleTravelTimes(AcuteCareMapProperties properties) {
        return new GreatCircleTravelTimes(properties);
    }
}

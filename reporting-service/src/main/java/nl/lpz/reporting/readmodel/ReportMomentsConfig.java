package nl.lpz.reporting.readmodel;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(FeedsProperties.class)
class ReportMomentsConfig {

    /** The one report moment per region: the RCPS daily report, the LCPS feed and validation all use it. */
    @Bean
    ReportMoments reportMoments(FeedsProperties properties) {
        return new ReportMoments(properties);
    }
}

package nl.lpz.reporting.feeds;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
@EnableConfigurationProperties(FeedsProperties.class)
public class FeedsConfig {

    /** The one report moment per region: the RCPS daily report, the LCPS feed and validation all use it. */
    @Bean
    public ReportMoments reportMoments(FeedsProperties properties) {
        return new ReportMoments(properties);
    }

    @Bean
    public FeedQuery feedQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                               ReportMoments reportMoments) {
        return new FeedQuery(jdbc, transactionManager, reportMoments, Clock.systemUTC());
    }
}

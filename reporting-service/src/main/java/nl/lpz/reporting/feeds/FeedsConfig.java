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

    @Bean
    public FeedQuery feedQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                               FeedsProperties properties) {
        return new FeedQuery(jdbc, transactionManager, new ReportMoments(properties), Clock.systemUTC());
    }
}

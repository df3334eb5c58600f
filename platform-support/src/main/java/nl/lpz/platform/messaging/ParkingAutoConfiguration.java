package nl.lpz.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link ParkedRecords} and its operator endpoint for every MVC service that consumes Kafka into a database. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.kafka.core.KafkaTemplate", "org.springframework.jdbc.core.JdbcTemplate"})
@ConditionalOnBean(JdbcTemplate.class)
public class ParkingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ParkedRecords parkedRecords(JdbcTemplate jdbc, MeterRegistry meters) {
        return new ParkedRecords(jdbc, meters);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ParkedRecordsController parkedRecordsController(ParkedRecords parked, List<ParkedRecordReplayer> replayers) {
        return new ParkedRecordsController(parked, replayers);
    }
}

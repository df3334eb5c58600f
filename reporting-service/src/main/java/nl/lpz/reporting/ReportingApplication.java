package nl.lpz.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The read side: projects the capacity topics and the stop topic into the regional capacity and stop read models and
 * serves them (HTTP and SSE).
 * docs/services/reporting-service.md.
 */
@SpringBootApplication
@EnableScheduling
public class ReportingApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}

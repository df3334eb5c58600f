package nl.lpz.capacity.config;

import nl.lpz.capacity.command.ReceiptSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Bed-event receipt retention ({@code lpz.capacity.receipts.*}) and the scheduler that prunes them. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReceiptSettings.class)
class ReceiptsConfig {
}

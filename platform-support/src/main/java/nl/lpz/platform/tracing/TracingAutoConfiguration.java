package nl.lpz.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EventTracing} on the service's Micrometer tracer (disabled without one), and for the write services the
 * correlation data that carries a traced request's {@code traceparent} into its events.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class TracingAutoConfiguration {

    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null || t == Tracer.NOOP ? EventTracing.disabled() : new EventTracing(t, p);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CorrelationDataProvider.class)
    static class EventCorrelation {
        @Bean
        TraceparentCorrelation traceparentCorrelation(EventTracing tracing) {
            return new TraceparentCorrelation(tracing);
        }

        /**
         * Axon's own provider, which Axon's auto-configuration (ordered after this one) leaves out once another
         * provider is declared: the events keep the command's id as {@code correlationId}, as before.
         */
        @Bean
        MessageOriginProvider axonMessageOriginProvider() {
            return new MessageOriginProvider();
        }
    }
}

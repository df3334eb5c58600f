package nl.lpz.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud LoadBalancer for the {@code lb://<service name>} routes of backends configured with several instance
 * URLs: every such backend gets {@link BackendInstancesConfiguration} (its static instance list and a round-robin
 * balancer that skips the instances an exchange has already tried). Backends with one URL are routed to it
 * directly and never reach the balancer.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = BackendInstancesConfiguration.class)
class BackendLoadBalancing {
}

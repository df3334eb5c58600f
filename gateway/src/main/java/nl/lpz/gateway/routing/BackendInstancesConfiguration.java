package nl.lpz.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import nl.lpz.gateway.config.ServicesProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

/**
 * The load-balancer configuration of one backend, instantiated by Spring Cloud LoadBalancer in a child context per
 * service id ({@link BackendLoadBalancing}). Deliberately not a {@code @Configuration}: it must not be picked up by
 * the application context itself.
 */
class BackendInstancesConfiguration {

    @Bean
    ServiceInstanceListSupplier backendInstances(Environment environment, ServicesProperties services) {
        String serviceId = LoadBalancerClientFactory.getName(environment);
        Backend backend = Backend.ofServiceName(serviceId)
                .orElseThrow(() -> new IllegalStateException("no backend named " + serviceId));
        List<ServiceInstance> instances = new ArrayList<>();
        List<URI> urls = backend.instanceUrls(services);
        for (int i = 0; i < urls.size(); i++) {
            URI url = urls.get(i);
            boolean secure = "https".equals(url.getScheme());
            int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
            instances.add(new DefaultServiceInstance(serviceId + "-" + (i + 1), serviceId, url.getHost(), port, secure));
        }
        List<ServiceInstance> fixed = List.copyOf(instances);
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return serviceId;
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(fixed);
            }
        };
    }

    @Bean
    ReactorServiceInstanceLoadBalancer backendLoadBalancer(Environment environment, ServiceInstanceListSupplier instances) {
        return new UntriedRoundRobinLoadBalancer(LoadBalancerClientFactory.getName(environment), instances);
    }
}

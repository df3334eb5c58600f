package nl.lpz.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Mono;

/**
 * Round robin over a backend's instances, except that an exchange the gateway retries (its connection to the
 * chosen instance was refused or timed out while connecting) is sent to an instance it has not tried yet: the
 * tried instance ids are kept in the exchange's attributes, which the gateway hands to the balancer. Under
 * concurrent load a plain round robin could pick the dead instance again for the retry. When every instance has
 * been tried the answer is empty (the gateway then answers 503).
 */
final class UntriedRoundRobinLoadBalancer implements ReactorServiceInstanceLoadBalancer {
    /** Exchange attribute: the instance ids this exchange was already sent to. */
    static final String TRIED_INSTANCES_ATTR = UntriedRoundRobinLoadBalancer.class.getName() + ".tried";

    private final String serviceId;
    private final ServiceInstanceListSupplier instances;
    private final AtomicInteger position = new AtomicInteger();

    UntriedRoundRobinLoadBalancer(String serviceId, ServiceInstanceListSupplier instances) {
        this.serviceId = serviceId;
        this.instances = instances;
    }

    @Override
    public Mono<Response<ServiceInstance>> choose(Request request) {
        return instances.get(request).next()
                .map(all -> pick(all, triedBy(request)))
                .defaultIfEmpty(new EmptyResponse());
    }

    private Response<ServiceInstance> pick(List<ServiceInstance> all, Set<String> tried) {
        List<ServiceInstance> untried = tried == null ? all
                : all.stream().filter(i -> !tried.contains(i.getInstanceId())).toList();
        if (untried.isEmpty()) {
            return new EmptyResponse();
        }
        ServiceInstance chosen = untried.get(Math.floorMod(position.getAndIncrement(), untried.size()));
        if (tried != null) {
            tried.add(chosen.getInstanceId());
        }
        return new DefaultResponse(chosen);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> triedBy(Request<?> request) {
        if (request != null && request.getContext() instanceof RequestDataContext context
                && context.getClientRequest() != null) {
            Map<String, Object> attributes = context.getClientRequest().getAttributes();
            if (attributes != null) {
                return (Set<String>) attributes.computeIfAbsent(TRIED_INSTANCES_ATTR,
                        k -> ConcurrentHashMap.newKeySet());
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "UntriedRoundRobinLoadBalancer[" + serviceId + "]";
    }
}

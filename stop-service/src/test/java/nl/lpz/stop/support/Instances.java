package nl.lpz.stop.support;

import nl.lpz.stop.StopApplication;
import nl.lpz.testsupport.TestInfra;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs stop-service as a separate application (an "instance") against a test database, without its web server. */
public final class Instances {
    private Instances() {
    }

    public static ConfigurableApplicationContext start(TestInfra.Database db, String name, String... extraArgs) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--spring.kafka.bootstrap-servers=" + TestInfra.kafkaBootstrap(),
                        "--spring.kafka.listener.auto-startup=false",
                        "--spring.application.name=stop-service-" + name,
                        "--lpz.stops.topology-group=stop-it-" + name));
        args.addAll(java.util.List.of(extraArgs));
        return new SpringApplicationBuilder(StopApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}

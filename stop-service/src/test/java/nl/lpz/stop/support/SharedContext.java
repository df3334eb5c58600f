package nl.lpz.stop.support;

import nl.lpz.testsupport.TestInfra;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The one Spring context most integration tests share: real PostgreSQL, real Kafka, MockMvc. */
@SpringBootTest(properties = {
        "lpz.stops.norm-times[ROAZ-SHORT].SEH=PT1H",
        "lpz.stops.norm-times[ROAZ-SHORT].PCI=PT0S",
        "lpz.stops.regions-without-stops=ROAZ-NONE",
        "lpz.stops.topology-group=stop-it-shared"})
@AutoConfigureMockMvc
public abstract class SharedContext {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry);
    }
}

package nl.lpz.localinfra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import nl.lpz.localinfra.process.PlatformProcesses.Service;
import org.junit.jupiter.api.Test;

class PlatformProcessesTest {
    static final Path LOGS = Path.of("/tmp/logs");

    PlatformProcesses plan() {
        return new PlatformProcesses()
                .jar(Service.CAPACITY, Path.of("/j/capacity.jar"))
                .jar(Service.REPORTING, Path.of("/j/reporting.jar"))
                .jar(Service.GATEWAY, Path.of("/j/gateway.jar"))
                .kafka("127.0.0.1:19092")
                .databases(s -> new PlatformProcesses.Database("jdbc:postgresql://h/" + s.database(), "lpz", "pw"))
                .jvmOptions(List.of("-Xmx512m"))
                .logsAndDirectory(LOGS, Path.of("/tmp"));
    }

    @Test
    void given_two_instances_on_fixed_ports_when_built_then_lpz_names_ports_and_gateway_lists() {
        List<ProcessSpec> specs = plan().instances(2).plainFirstName(true).ports(PlatformProcesses.FIXED_PORTS).specs();

        assertThat(specs).extracting(ProcessSpec::name)
                .containsExactly("capacity", "capacity-2", "reporting", "reporting-2", "gateway");
        assertThat(specs).extracting(ProcessSpec::port).containsExactly(8081, 18081, 8083, 18083, 8080);
        ProcessSpec gateway = specs.get(4);
        assertThat(gateway.command()).contains(
                "--lpz.services.capacity-url=http://127.0.0.1:8081,http://127.0.0.1:18081",
                "--lpz.services.reporting-url=http://127.0.0.1:8083,http://127.0.0.1:18083")
                .noneMatch(a -> a.startsWith("--lpz.services.stop-url"));
        assertThat(gateway.environment()).doesNotContainKey("SPRING_DATASOURCE_URL");
    }

    @Test
    void given_a_backend_when_built_then_marker_options_profile_port_broker_client_id_and_database() {
        ProcessSpec capacity2 = plan().instances(2).plainFirstName(false).ports((s, i) -> 40000 + i).specs().get(1);

        assertThat(capacity2.name()).isEqualTo("capacity-2");
        assertThat(capacity2.command()).containsSubsequence("-Dlpz.component=capacity-2", "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true", "-jar", "/j/capacity.jar", "--spring.profiles.active=local",
                "--server.port=40002", "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
                "--spring.kafka.consumer.client-id=capacity-2");
        assertThat(capacity2.environment()).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://h/lpz_capacity")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "lpz").containsEntry("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        assertThat(capacity2.log()).isEqualTo(LOGS.resolve("capacity-2.log"));
        assertThat(capacity2.readiness()).isEqualTo(new Readiness.Health(40002));
    }

    @Test
    void given_a_gateway_data_dir_when_built_then_the_gateway_keeps_its_keys_there_and_the_backends_trust_its_public_key() {
        List<ProcessSpec> specs = plan().gatewayDataDir(Path.of("/tmp/gw")).specs();

        assertThat(specs.get(0).command()).contains("--lpz.identity.gateway-public-keys=/tmp/gw/gateway-identity-public.pem");
        assertThat(specs.get(1).command()).contains("--lpz.identity.gateway-public-keys=/tmp/gw/gateway-identity-public.pem");
        assertThat(specs.get(2).command()).contains("--lpz.data-dir=/tmp/gw");
    }

    @Test
    void given_no_gateway_data_dir_when_built_then_the_gateways_default_in_the_working_directory() {
        List<ProcessSpec> specs = plan().specs();

        assertThat(specs.get(0).command()).contains("--lpz.identity.gateway-public-keys=/tmp/.lpz/gateway-identity-public.pem");
        assertThat(specs.get(2).command()).contains("--lpz.data-dir=/tmp/.lpz");
    }

    @Test
    void given_a_profile_in_the_arguments_when_built_then_local_is_not_added() {
        ProcessSpec spec = plan().service("gw", Path.of("/j/gateway.jar"), 1, java.util.Map.of(),
                List.of("--spring.profiles.active=default"));

        assertThat(spec.command()).contains("--spring.profiles.active=default")
                .doesNotContain("--spring.profiles.active=local");
    }

    @Test
    void given_a_command_without_its_marker_when_specified_then_refused() {
        assertThatThrownBy(() -> new ProcessSpec("x", List.of("java"), java.util.Map.of(), LOGS, LOGS.resolve("x.log"),
                -1, new Readiness.Started(), false)).isInstanceOf(IllegalArgumentException.class);
    }
}

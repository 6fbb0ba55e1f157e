package org.example.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SuiteLauncherTests {

    private final SuiteLauncher launcher = new SuiteLauncher(Path.of("."), Path.of(".data"), 9000, 15432);

    @Test
    void givesEveryServiceAPortOfItsOwnAfterTheGateway() {
        assertThat(launcher.services()).extracting(SuiteService::port).containsExactly(9000, 9001, 9002, 9003, 9004);
    }

    @Test
    void givesEveryServiceButTheGatewayADatabaseOfItsOwn() {
        assertThat(launcher.services())
                .extracting(SuiteService::database)
                .containsExactly(
                        null, "fmb_service", "codeserver_service", "hosp_service", "death_certificate_service");
    }

    @Test
    void pointsTheGatewayAtEachServiceAndEachServiceAtTheGatewaysIssuer() {
        var gateway = launcher.services().get(0);
        assertThat(gateway.environment())
                .containsEntry("FMB_URL", "http://localhost:9001")
                .containsEntry("CODESERVER_URL", "http://localhost:9002")
                .containsEntry("HOSP_URL", "http://localhost:9003")
                .containsEntry("DEATH_CERTIFICATES_URL", "http://localhost:9004");
        assertThat(launcher.services())
                .allSatisfy(service -> assertThat(service.environment())
                        .containsEntry("JWK_SET_URI", "http://localhost:9000/oauth2/jwks")
                        .containsEntry("ISSUER_URI", "http://localhost:9000"));
    }

    @Test
    void turnsOnHospsDemoRegisterInTheLocalRunOnly() {
        assertThat(launcher.services())
                .filteredOn(service -> service.environment().containsKey("HOSP_SYNTHETIC_REGISTER_ENABLED"))
                .singleElement()
                .satisfies(hosp -> {
                    assertThat(hosp.database()).isEqualTo("hosp_service");
                    assertThat(hosp.environment())
                            .containsEntry(
                                    "HOSP_SYNTHETIC_REGISTER_ENABLED",
                                    System.getenv().getOrDefault("HOSP_SYNTHETIC_REGISTER_ENABLED", "true"));
                });
    }

    @Test
    void startsEveryServiceWithOptionsThisJvmAccepts() throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        for (var service : launcher.services()) {
            var command = new ArrayList<String>();
            command.add(java);
            command.addAll(service.jvmOptions());
            command.add("-version");
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s: %s", service.name(), output).isZero();
        }
    }
}

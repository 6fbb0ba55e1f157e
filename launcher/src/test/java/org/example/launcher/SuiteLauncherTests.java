package org.example.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLauncherTests {

    @TempDir
    static Path data;

    private final SuiteLauncher launcher = new SuiteLauncher(Path.of("."), data, 9000, 15432, 1);

    @Test
    void givesEveryServiceAPortOfItsOwnAfterTheGateway() {
        assertThat(launcher.services()).extracting(SuiteService::port).containsExactly(9000, 9001, 9002, 9003, 9004);
    }

    @Test
    void givesEveryServiceAndTheGatewayADatabaseOfItsOwn() {
        assertThat(launcher.services())
                .extracting(SuiteService::database)
                .containsExactly(
                        "gateway", "fmb_service", "codeserver_service", "hosp_service", "death_certificate_service");
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
    void givesTheGatewayAnIssuerKeyStoreMadeOnceAndKeptAcrossRestarts() throws Exception {
        var first = launcher.services().get(0).environment();
        var store = Path.of(first.get("ISSUER_KEYSTORE"));
        assertThat(store).startsWith(data.toAbsolutePath()).isRegularFile();
        assertThat(Files.getPosixFilePermissions(store))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        var keyStore = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keyStore.load(in, first.get("ISSUER_KEYSTORE_PASSWORD").toCharArray());
        }
        var alias = Collections.list(keyStore.aliases());
        assertThat(alias)
                .singleElement()
                .satisfies(name -> assertThat(keyStore.isKeyEntry(name)).isTrue());

        var again = new SuiteLauncher(Path.of("."), data, 9000, 15432, 1)
                .services()
                .get(0)
                .environment();
        assertThat(again)
                .containsEntry("ISSUER_KEYSTORE", first.get("ISSUER_KEYSTORE"))
                .containsEntry("ISSUER_KEYSTORE_PASSWORD", first.get("ISSUER_KEYSTORE_PASSWORD"));
        var reloaded = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            reloaded.load(in, again.get("ISSUER_KEYSTORE_PASSWORD").toCharArray());
        }
        assertThat(reloaded.getCertificate(alias.get(0))).isEqualTo(keyStore.getCertificate(alias.get(0)));
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
    void startsEachServiceAsManyTimesAsAskedOnPortsTenApartSharingItsDatabase() {
        var twice = new SuiteLauncher(Path.of("."), data, 9000, 15432, 2);

        assertThat(twice.services())
                .extracting(SuiteService::name, SuiteService::port, SuiteService::database, SuiteService::replica)
                .containsExactly(
                        tuple("gateway", 9000, "gateway", 1),
                        tuple("fmb-service", 9001, "fmb_service", 1),
                        tuple("codeserver-service", 9002, "codeserver_service", 1),
                        tuple("hosp-service", 9003, "hosp_service", 1),
                        tuple("death-certificate-service", 9004, "death_certificate_service", 1),
                        tuple("fmb-service-2", 9011, "fmb_service", 2),
                        tuple("codeserver-service-2", 9012, "codeserver_service", 2),
                        tuple("hosp-service-2", 9013, "hosp_service", 2),
                        tuple("death-certificate-service-2", 9014, "death_certificate_service", 2));
        assertThat(twice.services())
                .filteredOn(service -> service.replica() == 2)
                .extracting(SuiteService::module)
                .containsExactly("fmb-service", "codeserver-service", "hosp-service", "death-certificate-service");
    }

    @Test
    void givesTheGatewayEachServicesReplicasAsAListOfBaseUrls() {
        var gateway =
                new SuiteLauncher(Path.of("."), data, 9000, 15432, 3).services().get(0);

        assertThat(gateway.environment())
                .containsEntry("FMB_URL", "http://localhost:9001,http://localhost:9011,http://localhost:9021")
                .containsEntry("CODESERVER_URL", "http://localhost:9002,http://localhost:9012,http://localhost:9022")
                .containsEntry("HOSP_URL", "http://localhost:9003,http://localhost:9013,http://localhost:9023")
                .containsEntry(
                        "DEATH_CERTIFICATES_URL", "http://localhost:9004,http://localhost:9014,http://localhost:9024");
    }

    @Test
    void refusesAReplicaCountItCannotGivePortsTo() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SuiteLauncher(Path.of("."), data, 9000, 15432, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new SuiteLauncher(Path.of("."), data, 9000, 15432, 10));
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

package org.example.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ManifestTests {

    /** Each service, its port, its database cluster and who may call it. */
    private static final Map<String, Set<String>> CALLERS = Map.of(
            "fmb-service", Set.of("gateway", "codeserver-service"),
            "codeserver-service", Set.of("gateway", "fmb-service", "death-certificate-service"),
            "hosp-service", Set.of("gateway"),
            "death-certificate-service", Set.of("gateway"));

    /** Each workload's own database cluster: the gateway's holds what its replicas share. */
    private static final Map<String, String> DATABASE = Map.of(
            "gateway", "gateway-db",
            "fmb-service", "fmb-db",
            "codeserver-service", "codeserver-db",
            "hosp-service", "hosp-db",
            "death-certificate-service", "death-certificate-db");

    private static final Set<String> WORKLOADS =
            Set.of("gateway", "fmb-service", "codeserver-service", "hosp-service", "death-certificate-service");

    private final Manifests base = Manifests.of("base");
    private final Manifests production = Manifests.of("overlays/production");

    @Test
    void theBaseHasADeploymentForTheGatewayAndEachService() {
        assertThat(base.all(Deployment.class))
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(WORKLOADS);
        assertThat(base.all(Deployment.class))
                .allSatisfy(deployment -> assertThat(pod(deployment).getContainers())
                        .as(name(deployment) + ": one container (a list item indented wrongly becomes a second one)")
                        .singleElement()
                        .satisfies(c -> assertThat(c.getName()).isEqualTo(name(deployment))));
    }

    @Test
    void everyDeploymentReservesCpuAndMemoryAndCapsMemory() {
        for (Deployment deployment : base.all(Deployment.class)) {
            for (Container container : pod(deployment).getContainers()) {
                var resources = container.getResources();
                assertThat(resources.getRequests()).as(name(deployment)).containsKeys("cpu", "memory");
                assertThat(resources.getLimits()).as(name(deployment)).containsKey("memory");
                assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
                        .as(name(deployment) + " memory limit ≥ request")
                        .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(
                                resources.getRequests().get("memory")));
            }
        }
    }

    @Test
    void everyDeploymentHasStartupLivenessAndReadinessProbesOnTheActuatorHealthGroups() {
        for (Deployment deployment : base.all(Deployment.class)) {
            Container container = pod(deployment).getContainers().get(0);
            assertThat(path(container.getStartupProbe())).as(name(deployment)).isEqualTo("/actuator/health/liveness");
            assertThat(path(container.getLivenessProbe())).as(name(deployment)).isEqualTo("/actuator/health/liveness");
            assertThat(path(container.getReadinessProbe()))
                    .as(name(deployment))
                    .isEqualTo("/actuator/health/readiness");
            assertThat(container.getStartupProbe().getFailureThreshold()
                            * container.getStartupProbe().getPeriodSeconds())
                    .as(name(deployment) + " may take a minute to start")
                    .isGreaterThanOrEqualTo(60);
        }
    }

    @Test
    void everyPodRunsAsNonRootOnAReadOnlyRootFileSystemWithTmpAsAnEmptyDir() {
        List<HasMetadata> workloads = Stream.concat(base.all(Deployment.class).stream(), base.all(Job.class).stream())
                .map(HasMetadata.class::cast)
                .toList();
        assertThat(workloads).hasSize(WORKLOADS.size() + DATABASE.size());
        for (HasMetadata workload : workloads) {
            PodSpec pod = workload instanceof Deployment d
                    ? pod(d)
                    : ((Job) workload).getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot())
                    .as(name(workload))
                    .isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser())
                    .as(name(workload))
                    .isNotZero();
            for (Container container : Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
                    .toList()) {
                var security = container.getSecurityContext();
                assertThat(security.getReadOnlyRootFilesystem())
                        .as(name(workload) + "/" + container.getName())
                        .isTrue();
                assertThat(security.getAllowPrivilegeEscalation())
                        .as(name(workload))
                        .isFalse();
                assertThat(security.getCapabilities().getDrop())
                        .as(name(workload))
                        .contains("ALL");
            }
        }
        for (Deployment deployment : base.all(Deployment.class)) {
            String tmpVolume = pod(deployment).getContainers().get(0).getVolumeMounts().stream()
                    .filter(mount -> mount.getMountPath().equals("/tmp"))
                    .findFirst()
                    .orElseThrow()
                    .getName();
            assertThat(pod(deployment).getVolumes()).as(name(deployment)).anySatisfy(volume -> {
                assertThat(volume.getName()).isEqualTo(tmpVolume);
                assertThat(volume.getEmptyDir()).isNotNull();
            });
        }
    }

    @Test
    void everyDeploymentHasADisruptionBudgetAndAnAutoscalerNamingIt() {
        for (Deployment deployment : base.all(Deployment.class)) {
            Map<String, String> labels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(base.all(PodDisruptionBudget.class))
                    .as(name(deployment))
                    .anySatisfy(pdb -> assertThat(labels)
                            .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels()));
            assertThat(base.all(HorizontalPodAutoscaler.class))
                    .as(name(deployment))
                    .anySatisfy(hpa -> {
                        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
                        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name(deployment));
                        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
                    });
            assertThat(deployment
                            .getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getIntVal())
                    .as(name(deployment) + " rolls out without taking a replica away first")
                    .isZero();
        }
    }

    @Test
    void noDeploymentCarriesAPlainSecretValue() {
        for (Deployment deployment : base.all(Deployment.class)) {
            for (EnvVar env : pod(deployment).getContainers().get(0).getEnv()) {
                // whole words of the name: ACCESS_KEY_ID is a secret, ISSUER_KEYSTORE (a path) is not
                if (env.getName().matches("(.*_)?(PASSWORD|SECRET|TOKEN|KEY)(_.*)?")) {
                    assertThat(env.getValue())
                            .as(name(deployment) + " " + env.getName())
                            .isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef())
                            .as(name(deployment) + " " + env.getName())
                            .isNotNull();
                }
            }
        }
        assertThat(base.resources()).noneMatch(r -> r.getKind().equals("Secret"));
        assertThat(production.resources()).noneMatch(r -> r.getKind().equals("Secret"));
    }

    @Test
    void servicesConnectAsTheirOwnRoleToTheirOwnDatabaseAndLeaveFlywayToTheJob() {
        for (var entry : DATABASE.entrySet()) {
            Deployment deployment = deployment(entry.getKey());
            Map<String, EnvVar> env = pod(deployment).getContainers().get(0).getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, e -> e));
            assertThat(env.get("DB_URL").getValue()).startsWith("jdbc:postgresql://" + entry.getValue() + "-rw:5432/");
            assertThat(env.get("DB_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo(entry.getValue() + "-service");
            assertThat(env.get("SPRING_FLYWAY_ENABLED").getValue()).isEqualTo("false");
            assertThat(env).doesNotContainKeys("DB_OWNER_USER", "DB_OWNER_PASSWORD");

            Job migrate = base.all(Job.class).stream()
                    .filter(job -> name(job).equals(entry.getKey() + "-migrate"))
                    .findFirst()
                    .orElseThrow();
            Container flyway =
                    migrate.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(flyway.getArgs())
                    .contains("migrate")
                    .anySatisfy(arg ->
                            assertThat(arg).startsWith("-url=jdbc:postgresql://" + entry.getValue() + "-rw:5432/"));
            assertThat(flyway.getEnv()).anySatisfy(e -> {
                assertThat(e.getName()).isEqualTo("FLYWAY_PASSWORD");
                assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(entry.getValue() + "-owner");
            });
            assertThat(migrate.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getInitContainers()
                            .get(0)
                            .getImage())
                    .as("the migrations come from the service's own image")
                    .isEqualTo(pod(deployment).getContainers().get(0).getImage());
        }
    }

    @Test
    void eachServiceDatabaseIsACloudNativePgClusterWithItsOwnerAndServiceRoles() {
        List<GenericKubernetesResource> clusters = base.all("Cluster");
        assertThat(clusters)
                .extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(DATABASE.values());
        for (GenericKubernetesResource cluster : clusters) {
            assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
            String name = name(cluster);
            assertThat((String) cluster.get("spec", "bootstrap", "initdb", "secret", "name"))
                    .isEqualTo(name + "-owner");
            List<Map<String, Object>> roles = cluster.get("spec", "managed", "roles");
            assertThat(roles)
                    .singleElement()
                    .satisfies(role ->
                            assertThat(role.get("passwordSecret")).isEqualTo(Map.of("name", name + "-service")));
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() {
        assertThat(base.all(Service.class))
                .allSatisfy(service -> assertThat(service.getSpec().getType())
                        .as(name(service))
                        .isEqualTo("ClusterIP"));
        assertThat(base.all(Ingress.class))
                .isNotEmpty()
                .allSatisfy(ingress -> assertThat(ingress.getSpec().getRules().stream()
                                .flatMap(rule -> rule.getHttp().getPaths().stream())
                                .map(path -> path.getBackend().getService().getName())
                                .distinct()
                                .toList())
                        .containsExactly("gateway"));
        NetworkPolicy gateway = policyFor("gateway");
        assertThat(gateway.getSpec().getIngress())
                .singleElement()
                .satisfies(rule -> assertThat(rule.getFrom())
                        .singleElement()
                        .satisfies(
                                peer -> assertThat(peer.getNamespaceSelector()).isNotNull()));
    }

    @Test
    void everythingIsDeniedUnlessAllowedAndEachServiceIsReachedOnlyByItsCallers() {
        NetworkPolicy deny = base.all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPodSelector().getMatchLabels() == null
                        || p.getSpec().getPodSelector().getMatchLabels().isEmpty())
                .filter(p -> p.getSpec().getIngress().isEmpty()
                        && p.getSpec().getEgress().isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        for (String workload : WORKLOADS) {
            assertThat(policyFor(workload).getSpec().getPolicyTypes())
                    .as(workload)
                    .contains("Ingress", "Egress");
        }
        CALLERS.forEach((service, callers) -> {
            Set<String> allowed = policyFor(service).getSpec().getIngress().stream()
                    .flatMap(rule -> rule.getFrom().stream())
                    .map(ManifestTests::appOf)
                    .collect(Collectors.toSet());
            assertThat(allowed).as(service).isEqualTo(callers);
        });
    }

    @Test
    void eachServiceReachesOnlyItsOwnDatabaseAndEachDatabaseAdmitsOnlyItsService() {
        DATABASE.forEach((service, database) -> {
            Set<String> databases = policyFor(service).getSpec().getEgress().stream()
                    .flatMap(rule -> rule.getTo().stream())
                    .map(peer -> peer.getPodSelector() == null
                            ? null
                            : peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster"))
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            assertThat(databases).as(service).containsExactly(database);

            NetworkPolicy databasePolicy = base.all(NetworkPolicy.class).stream()
                    .filter(p -> database.equals(
                            p.getSpec().getPodSelector().getMatchLabels().get("cnpg.io/cluster")))
                    .findFirst()
                    .orElseThrow();
            Set<String> apps = databasePolicy.getSpec().getIngress().stream()
                    .flatMap(rule -> rule.getFrom().stream())
                    .map(ManifestTests::appOf)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            assertThat(apps).as(database).containsExactlyInAnyOrder(service, service + "-migrate");
        });
    }

    @Test
    void theGatewayReadsItsIssuerKeysOnlyFromTheirSecretMountedReadOnly() {
        PodSpec gateway = pod(deployment("gateway"));
        Map<String, EnvVar> env =
                gateway.getContainers().get(0).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        var password = env.get("ISSUER_KEYSTORE_PASSWORD").getValueFrom().getSecretKeyRef();
        assertThat(password.getName()).isEqualTo("gateway-issuer-keys");
        var volume = gateway.getVolumes().stream()
                .filter(v -> v.getSecret() != null
                        && "gateway-issuer-keys".equals(v.getSecret().getSecretName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the gateway mounts no Secret gateway-issuer-keys"));
        assertThat(volume.getSecret().getDefaultMode())
                .as("no other user reads the key")
                .isEqualTo(0440);
        var mount = gateway.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume.getName()))
                .findFirst()
                .orElseThrow();
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(env.get("ISSUER_KEYSTORE").getValue()).startsWith(mount.getMountPath() + "/");
        // a cluster trusting an external issuer (production) has no such Secret: both references are optional
        assertThat(password.getOptional()).isTrue();
        assertThat(volume.getSecret().getOptional()).isTrue();
        assertThat(base.all(Deployment.class))
                .filteredOn(d -> !name(d).equals("gateway"))
                .allSatisfy(d -> assertThat(pod(d).getVolumes())
                        .noneMatch(v -> v.getSecret() != null
                                && "gateway-issuer-keys".equals(v.getSecret().getSecretName())));
    }

    @Test
    void productionPatchesOnlyWhatTheBaseHasAndBacksUpEveryDatabase() {
        for (HasMetadata patch : production.patches()) {
            if (patch.getKind().equals("ConfigMap")) {
                continue;
            }
            assertThat(base.resources())
                    .as(patch.getKind() + " " + name(patch))
                    .anyMatch(r -> r.getKind().equals(patch.getKind()) && name(r).equals(name(patch)));
        }
        List<GenericKubernetesResource> clusters = production.patches().stream()
                .filter(p -> p.getKind().equals("Cluster"))
                .map(GenericKubernetesResource.class::cast)
                .toList();
        assertThat(clusters).extracting(ManifestTests::name).containsExactlyInAnyOrderElementsOf(DATABASE.values());
        for (GenericKubernetesResource cluster : clusters) {
            assertThat((Integer) cluster.get("spec", "instances"))
                    .as(name(cluster))
                    .isGreaterThanOrEqualTo(3);
            assertThat((String) cluster.get("spec", "backup", "barmanObjectStore", "destinationPath"))
                    .as(name(cluster))
                    .endsWith("/" + name(cluster));
        }
        assertThat(production.all("ScheduledBackup"))
                .extracting(b -> (String) b.get("spec", "cluster", "name"))
                .containsExactlyInAnyOrderElementsOf(DATABASE.values());
        assertThat(production.patches())
                .filteredOn(p -> p instanceof HorizontalPodAutoscaler)
                .extracting(ManifestTests::name)
                .containsExactlyInAnyOrderElementsOf(WORKLOADS);
        assertThat(production.patches())
                .filteredOn(p -> p instanceof HorizontalPodAutoscaler)
                .allSatisfy(
                        p -> assertThat(((HorizontalPodAutoscaler) p).getSpec().getMinReplicas())
                                .isGreaterThanOrEqualTo(2));
    }

    @Test
    void productionGeneratesEachReferencedSecretFromAnUncommittedFile() throws Exception {
        Set<String> referenced = Stream.concat(
                        base.all(Deployment.class).stream().map(ManifestTests::pod),
                        base.all(Job.class).stream()
                                .map(job -> job.getSpec().getTemplate().getSpec()))
                .flatMap(pod -> pod.getContainers().stream())
                .flatMap(c -> c.getEnv().stream())
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                // an optional one (the built-in issuer's keys) is for overlays that use it, not production
                .filter(env -> !Boolean.TRUE.equals(
                        env.getValueFrom().getSecretKeyRef().getOptional()))
                .map(env -> env.getValueFrom().getSecretKeyRef().getName())
                .collect(Collectors.toSet());
        Set<String> generated = production
                .kustomization()
                .path("secretGenerator")
                .valueStream()
                .map(generator -> generator.path("name").asString())
                .collect(Collectors.toSet());
        assertThat(generated).containsAll(referenced);
        Path overlay = Manifests.DEPLOY.resolve("overlays/production");
        assertThat(Files.readString(overlay.resolve("secrets/.gitignore"))).contains("*.env");
        production
                .kustomization()
                .path("secretGenerator")
                .valueStream()
                .flatMap(generator -> generator.path("envs").valueStream())
                .forEach(env ->
                        assertThat(overlay.resolve(env.asString() + ".example")).exists());
    }

    private static String appOf(NetworkPolicyPeer peer) {
        return peer.getPodSelector() == null || peer.getPodSelector().getMatchLabels() == null
                ? null
                : peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
    }

    private NetworkPolicy policyFor(String app) {
        return base.all(NetworkPolicy.class).stream()
                .filter(p -> app.equals(
                        p.getSpec().getPodSelector().getMatchLabels() == null
                                ? null
                                : p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no NetworkPolicy for " + app));
    }

    private Deployment deployment(String name) {
        return base.all(Deployment.class).stream()
                .filter(d -> name(d).equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }

    private static String name(HasMetadata resource) {
        return resource.getMetadata().getName();
    }
}

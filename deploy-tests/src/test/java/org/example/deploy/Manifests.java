package org.example.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The manifests of one Kustomize directory as fabric8 model objects: the files its kustomization.yaml lists under
 * resources (folders followed recursively) or patches, each document bound to the model class of its kind. A kind
 * the model does not know (CloudNativePG's Cluster) stays a generic resource. Kustomize itself (merging patches,
 * generating secrets) is not run: the base and the overlay's own files are checked each as written.
 */
record Manifests(List<HasMetadata> resources, List<HasMetadata> patches, JsonNode kustomization) {

    static final Path DEPLOY = Path.of("..", "deploy");

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Map<String, Class<? extends HasMetadata>> MODEL = Map.of(
            "Deployment", Deployment.class,
            "Service", Service.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "NetworkPolicy", NetworkPolicy.class,
            "Ingress", Ingress.class,
            "Job", Job.class,
            "ConfigMap", ConfigMap.class,
            "Namespace", Namespace.class);

    static Manifests of(String directory) {
        Path dir = DEPLOY.resolve(directory);
        JsonNode kustomization = read(dir.resolve("kustomization.yaml")).get(0);
        List<HasMetadata> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = dir.resolve(entry.asString()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(of(DEPLOY.relativize(path).toString()).resources());
            } else {
                read(path).forEach(document -> resources.add(bind(document, path)));
            }
        }
        List<HasMetadata> patches = new ArrayList<>();
        for (JsonNode patch : kustomization.path("patches")) {
            Path path = dir.resolve(patch.path("path").asString());
            read(path).forEach(document -> patches.add(bind(document, path)));
        }
        return new Manifests(resources, patches, kustomization);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> all(String kind) {
        return resources.stream()
                .filter(r -> kind.equals(r.getKind()))
                .map(GenericKubernetesResource.class::cast)
                .toList();
    }

    private static HasMetadata bind(JsonNode document, Path path) {
        String kind = document.path("kind").asString();
        if (kind.isEmpty() || document.path("metadata").path("name").asString().isEmpty()) {
            throw new IllegalStateException(path + ": a document without kind or metadata.name");
        }
        return YAML.treeToValue(document, MODEL.getOrDefault(kind, GenericKubernetesResource.class));
    }

    private static List<JsonNode> read(Path path) {
        try {
            return YAML.readValues(YAML.createParser(Files.readString(path)), JsonNode.class).readAll().stream()
                    .filter(node -> node != null && !node.isNull() && !node.isMissingNode())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }
}

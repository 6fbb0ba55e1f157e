package org.example.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One process of the suite: where its jar is, its port, its database (or none), its JVM options, and which replica of
 * its module it is (1 for the first; replicas of a module share its database).
 */
record SuiteService(
        String name,
        String module,
        int port,
        String database,
        List<String> jvmOptions,
        Map<String, String> environment,
        int replica) {

    Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}

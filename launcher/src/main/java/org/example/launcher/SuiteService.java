package org.example.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One process of the suite: where its jar is, its port, its database (or none) and its JVM options. */
record SuiteService(
        String name,
        String module,
        int port,
        String database,
        List<String> jvmOptions,
        Map<String, String> environment) {

    Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}

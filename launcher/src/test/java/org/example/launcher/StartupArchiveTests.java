package org.example.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupArchiveTests {

    @TempDir
    Path root;

    private final SuiteService service =
            new SuiteService("fmb-service", "fmb-service", 8081, null, List.of(), Map.of(), 1);
    private Path apps;
    private Path directory;

    @BeforeEach
    void anExtractedJarNewerThanItsBuild() throws Exception {
        var jar = service.jar(root);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "built");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-22T05:00:00Z")));
        apps = root.resolve(".data/apps");
        directory = Files.createDirectories(apps.resolve("fmb-service"));
        Files.writeString(directory.resolve("fmb-service.jar"), "extracted");
        Files.setLastModifiedTime(
                directory.resolve("fmb-service.jar"), FileTime.from(Instant.parse("2026-11-22T06:00:00Z")));
    }

    @Test
    void theFirstRunWritesTheArchiveAsItStops() throws Exception {
        var command = new StartupArchive(apps, service, root).command("java");

        assertThat(command)
                .contains("-XX:ArchiveClassesAtExit=" + directory.resolve("classes.jsa"))
                .endsWith("-jar", directory.resolve("fmb-service.jar").toString());
    }

    @Test
    void laterRunsStartFromTheArchive() throws Exception {
        Files.writeString(directory.resolve("classes.jsa"), "archive");

        var command = new StartupArchive(apps, service, root).command("java");

        assertThat(command)
                .contains("-XX:SharedArchiveFile=" + directory.resolve("classes.jsa"))
                .noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void aJvmThatCrashedWritingTheArchiveRecordsItsClassesForAStaticOneInstead() throws Exception {
        Files.writeString(directory.resolve("archive-failed.log"), "SIGSEGV");

        var command = new StartupArchive(apps, service, root).command("java");

        assertThat(command)
                .contains("-XX:DumpLoadedClassList=" + directory.resolve("classes.lst"))
                .noneMatch(option -> option.contains("Archive"))
                .endsWith("-jar", directory.resolve("fmb-service.jar").toString());
    }

    @Test
    void dumpsTheStaticArchiveFromTheRecordedClassesWithoutTheLambdaForms() throws Exception {
        try (var jar = new JarOutputStream(Files.newOutputStream(directory.resolve("fmb-service.jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/"));
        }
        Files.writeString(directory.resolve("archive-failed.log"), "SIGSEGV");
        Files.write(
                directory.resolve("classes.lst"),
                List.of(
                        "java/lang/Object id: 0",
                        "java/lang/String id: 1",
                        "@lambda-proxy java/lang/String apply ()Ljava/util/function/Function;",
                        "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L"));
        var archive = new StartupArchive(apps, service, root);
        assertThat(archive.needsStaticArchive()).isTrue();

        archive.writeStaticArchive(ProcessHandle.current().info().command().orElse("java"));

        assertThat(directory.resolve("classes.jsa")).isNotEmptyFile();
        assertThat(directory.resolve("classes.lst")).doesNotExist();
        assertThat(directory.resolve("static-archive-failed.log")).doesNotExist();
        assertThat(archive.needsStaticArchive()).isFalse();
        assertThat(archive.command("java")).contains("-XX:SharedArchiveFile=" + directory.resolve("classes.jsa"));
    }

    @Test
    void aStaticDumpThatFailsIsNotTriedAgain() throws Exception {
        Files.writeString(directory.resolve("archive-failed.log"), "SIGSEGV");
        Files.write(directory.resolve("classes.lst"), List.of("java/lang/Object id: 0"));
        var archive = new StartupArchive(apps, service, root);

        archive.writeStaticArchive("false"); // a "JVM" that exits with 1

        assertThat(directory.resolve("classes.jsa")).doesNotExist();
        assertThat(directory.resolve("static-archive-failed.log")).exists();
        assertThat(archive.command("java"))
                .noneMatch(option -> option.startsWith("-XX:"))
                .endsWith("-jar", directory.resolve("fmb-service.jar").toString());
    }
}

package org.example.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * Makes the second and later starts of a service faster with class data sharing (CDS): the service's executable jar
 * is extracted once into {@code <data>/apps/<service>} (Spring Boot's {@code -Djarmode=tools extract}, the layout the
 * JVM can archive), its first run writes the archive of the classes it loaded when it stops, and later runs map that
 * archive instead of loading and verifying the classes again. A new build of the jar starts the cycle again. A
 * missing or unusable archive only costs the time it would have saved: the JVM then starts without it. The archive
 * files live in the data folder only and are rebuilt, never copied between machines or JDKs.
 *
 * <p>Some JDK 17 builds crash writing that (dynamic) archive for some services. For those the next run records the
 * classes it loads, and after it stops the launcher dumps a static archive from that list, without the lambda forms
 * and proxies the static dump of JDK 17 cannot take; the run after that maps it.
 */
final class StartupArchive {

    private final Path directory;
    private final Path jar;

    StartupArchive(Path appsDirectory, SuiteService service, Path root) {
        this.directory = appsDirectory.resolve(service.name());
        this.jar = service.jar(root);
    }

    /** The JVM options and the jar to start, extracting the jar first when it is new. */
    List<String> command(String java) throws IOException, InterruptedException {
        var extracted = extracted();
        if (!Files.isRegularFile(extracted)
                || Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            extract(java);
        }
        var options = new ArrayList<String>();
        if (Files.isRegularFile(archive())) {
            options.add("-XX:SharedArchiveFile=" + archive());
        } else if (!Files.exists(crashReport())) {
            // Some JDK 17 builds crash while writing the archive at exit (after the service has stopped serving);
            // the crash report then says not to try again for this build of the jar.
            options.add("-XX:ArchiveClassesAtExit=" + archive());
            options.add("-XX:ErrorFile=" + crashReport());
        } else if (!Files.exists(staticDumpReport())) {
            options.add("-XX:DumpLoadedClassList=" + classList());
        }
        options.addAll(List.of("-Xlog:cds*=error", "-jar", extracted.toString()));
        return options;
    }

    /** Whether {@link #writeStaticArchive} has work to do: a run recorded its classes and there is no archive yet. */
    boolean needsStaticArchive() {
        return Files.isRegularFile(classList()) && !Files.isRegularFile(archive());
    }

    /**
     * After the service has stopped: the static archive of the classes its run recorded. A dump that fails leaves
     * its report beside the jar, and the service then starts without an archive until the next build.
     */
    void writeStaticArchive(String java) throws IOException, InterruptedException {
        var classes = directory.resolve("classes-static.lst");
        try (var lines = Files.lines(classList())) {
            Files.write(
                    classes, lines.filter(line -> !line.startsWith("@lambda-")).toList());
        }
        var dump = new ProcessBuilder(
                        java,
                        "-Xshare:dump",
                        "-XX:SharedClassListFile=" + classes,
                        "-XX:SharedArchiveFile=" + archive(),
                        "-cp",
                        extracted().toString())
                .redirectErrorStream(true)
                .redirectOutput(staticDumpReport().toFile())
                .start();
        var dumped = dump.waitFor() == 0 && Files.isRegularFile(archive());
        Files.delete(classList());
        Files.delete(classes);
        if (dumped) {
            Files.delete(staticDumpReport());
        } else {
            Files.deleteIfExists(archive());
        }
    }

    private Path extracted() {
        return directory.resolve(jar.getFileName());
    }

    private Path archive() {
        return directory.resolve("classes.jsa");
    }

    private Path crashReport() {
        return directory.resolve("archive-failed.log");
    }

    private Path classList() {
        return directory.resolve("classes.lst");
    }

    private Path staticDumpReport() {
        return directory.resolve("static-archive-failed.log");
    }

    private void extract(String java) throws IOException, InterruptedException {
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        var extraction = new ProcessBuilder(
                        java,
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        directory.toString(),
                        "--force")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (extraction.waitFor() != 0) {
            throw new IOException("Could not extract " + jar + " for class data sharing");
        }
    }
}

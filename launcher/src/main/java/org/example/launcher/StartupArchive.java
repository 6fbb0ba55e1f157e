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
        var extracted = directory.resolve(jar.getFileName());
        if (!Files.isRegularFile(extracted)
                || Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            extract(java);
        }
        var archive = directory.resolve("classes.jsa");
        var crashReport = directory.resolve("archive-failed.log");
        var options = new ArrayList<String>();
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else if (!Files.exists(crashReport)) {
            // Some JDK 17 builds crash while writing the archive at exit (after the service has stopped serving);
            // the crash report then says not to try again for this build of the jar.
            options.add("-XX:ArchiveClassesAtExit=" + archive);
            options.add("-XX:ErrorFile=" + crashReport);
        }
        options.addAll(List.of("-Xlog:cds*=error", "-jar", extracted.toString()));
        return options;
    }

    private void extract(String java) throws IOException, InterruptedException {
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        var extraction = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                directory.toString(), "--force")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (extraction.waitFor() != 0) {
            throw new IOException("Could not extract " + jar + " for class data sharing");
        }
    }
}

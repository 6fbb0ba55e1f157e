package org.example.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How much memory the running suite holds: the proportional set size (PSS) of this process and every
 * process it started (services, PostgreSQL and its backends), so memory shared between processes, such
 * as PostgreSQL's shared buffers, is counted once. Linux only; elsewhere it answers -1.
 */
final class SuiteMemory {

    private SuiteMemory() {}

    static long megabytes() {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return -1;
        }
        var kilobytes = Stream.concat(
                        Stream.of(ProcessHandle.current()),
                        ProcessHandle.current().descendants())
                .mapToLong(process -> proportionalSetSize(process.pid()))
                .sum();
        return kilobytes / 1024;
    }

    private static long proportionalSetSize(long pid) {
        try (var lines = Files.lines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            return lines.filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

package org.example.codeserver.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipInputStream;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.springframework.core.io.ClassPathResource;

/**
 * The files of one import by lower-case path (a zip is unpacked). A file is found by its name alone when that is
 * unique, or by a folder part and its name ({@link #find(String, String)}).
 */
record SourceFiles(Map<String, byte[]> files) {

    private static final long MAX_UNPACKED = 200L * 1024 * 1024;

    SourceFiles {
        files = Map.copyOf(files);
    }

    /** One uploaded file; a zip archive is unpacked. */
    static SourceFiles of(String name, byte[] content) {
        if (content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return unzip(content);
        }
        return new SourceFiles(Map.of(baseName(name), content));
    }

    /** Files bundled in the application, e.g. {@code classpath("terminology/ksh97-p", "KSH97P_KOD.ANS")}. */
    static SourceFiles classpath(String folder, String... names) {
        var files = new LinkedHashMap<String, byte[]>();
        for (var name : names) {
            try (var in = new ClassPathResource(folder + "/" + name).getInputStream()) {
                files.put((folder + "/" + name).toLowerCase(Locale.ROOT), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Bundled file " + folder + "/" + name + " is missing", e);
            }
        }
        return new SourceFiles(files);
    }

    SourceFiles and(SourceFiles more) {
        var all = new LinkedHashMap<>(files);
        all.putAll(more.files);
        return new SourceFiles(all);
    }

    boolean has(String name) {
        return find(name).isPresent();
    }

    /** The file with this name (in any folder); the first in path order when several have it. */
    Optional<byte[]> find(String name) {
        return find("", name);
    }

    /** The file with this name in a folder whose path contains {@code folderPart}. */
    Optional<byte[]> find(String folderPart, String name) {
        var wanted = name.toLowerCase(Locale.ROOT);
        var folder = folderPart.toLowerCase(Locale.ROOT);
        return files.keySet().stream()
                .sorted()
                .filter(path -> path.equals(wanted) || path.endsWith("/" + wanted))
                .filter(path ->
                        path.substring(0, path.length() - wanted.length()).contains(folder))
                .findFirst()
                .map(files::get);
    }

    /** Names of all files, for messages. */
    String names() {
        return String.join(", ", files.keySet().stream().sorted().toList());
    }

    byte[] require(String name) {
        return require("", name);
    }

    byte[] require(String folderPart, String name) {
        return find(folderPart, name)
                .orElseThrow(() -> new InvalidCodeSystemException(
                        0,
                        "file",
                        "The import needs a file named " + name
                                + (folderPart.isEmpty() ? "" : " in a folder named *" + folderPart + "*")
                                + " (files given: " + names() + ")"));
    }

    /** The lines of a text file, without a byte order mark or line ends; a last empty line is dropped. */
    List<String> lines(String name, Charset charset) {
        return lines("", name, charset);
    }

    List<String> lines(String folderPart, String name, Charset charset) {
        var text = new String(require(folderPart, name), charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        var lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static SourceFiles unzip(byte[] content) {
        var files = new LinkedHashMap<String, byte[]>();
        long total = 0;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && !baseName(entry.getName()).startsWith(".")) {
                    var bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED - total + 1));
                    total += bytes.length;
                    if (total > MAX_UNPACKED) {
                        throw new InvalidCodeSystemException(0, "file", "The zip archive unpacks to more than 200 MB");
                    }
                    files.put(entry.getName().replace('\\', '/').toLowerCase(Locale.ROOT), bytes);
                }
            }
        } catch (IOException e) {
            throw new InvalidCodeSystemException(0, "file", "The zip archive cannot be read: " + e.getMessage());
        }
        return new SourceFiles(files);
    }

    private static String baseName(String name) {
        var slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1).toLowerCase(Locale.ROOT);
    }
}

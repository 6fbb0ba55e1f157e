package org.example.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The generated passwords of the embedded PostgreSQL's roles, one per role. Kept data keeps them in a file readable
 * by its owner only (next to the data, under {@code .data/}), so the next run logs in with the same ones; a throw-away
 * server keeps them in memory.
 */
final class DatabasePasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties passwords = new Properties();

    private DatabasePasswords(Path file) {
        this.file = file;
    }

    /** The passwords kept in {@code file}, or in memory only when {@code file} is null. */
    static DatabasePasswords in(Path file) {
        var store = new DatabasePasswords(file);
        if (file != null && Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file)) {
                store.passwords.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
        return store;
    }

    /** The role's password, generated (and kept) the first time it is asked for. */
    synchronized String of(String role) {
        var password = passwords.getProperty(role);
        if (password == null) {
            var bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            passwords.setProperty(role, password);
            save();
        }
        return password;
    }

    synchronized boolean has(String role) {
        return passwords.containsKey(role);
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            var written = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(written);
            Files.createFile(
                    written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(written)) {
                passwords.store(out, "Generated passwords of the embedded PostgreSQL's roles; keep private");
            }
            Files.move(
                    written,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}

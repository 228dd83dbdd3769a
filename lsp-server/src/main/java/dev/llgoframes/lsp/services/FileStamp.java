package dev.llgoframes.lsp.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Modification time and size of a file: a rebuilt binary changes at least one of them. */
public record FileStamp(long modifiedMillis, long size) {
    public static Optional<FileStamp> of(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.isRegularFile() ? Optional.of(new FileStamp(a.lastModifiedTime().toMillis(), a.size())) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}

package dev.llgoframes.lsp.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What tells one version of a file from the next. Modification time and size alone miss a different
 * build copied in with its time preserved ({@code cp -p}, {@code mv} of an older build, a symlink
 * re-pointed) when the sizes happen to agree; the file's identity (device and inode, when the platform
 * has one) and its status-change time catch those, since neither can be set back by the user.
 *
 * @param fileKey     the platform's file identity, null where there is none
 * @param changeNanos last status change (ctime), 0 where unknown
 */
public record FileStamp(long modifiedMillis, long size, Object fileKey, long changeNanos) {
    public static Optional<FileStamp> of(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile()) return Optional.empty();
            return Optional.of(new FileStamp(a.lastModifiedTime().toMillis(), a.size(), a.fileKey(), changeTime(p)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static long changeTime(Path p) {
        try {
            return ((FileTime) Files.getAttribute(p, "unix:ctime")).to(TimeUnit.NANOSECONDS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException | ClassCastException e) {
            return 0;
        }
    }
}

package dev.llgoframes.lsp.services;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Conversions between file URIs and paths; bad URIs are empty, never exceptions. */
public final class Uris {
    private Uris() {}

    public static Optional<Path> toPath(String uri) {
        if (uri == null) return Optional.empty();
        try {
            URI u = URI.create(uri);
            if (!"file".equalsIgnoreCase(u.getScheme())) return Optional.empty();
            return Optional.of(Path.of(new URI(u.getScheme(), u.getAuthority(), u.getPath(), null, null)));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException | java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static String of(Path p) { return p.toUri().toString(); }

    /** File URI with the {@code #L<line>} fragment editors understand as "open at line". */
    public static String withLine(Path p, int line) { return of(p) + "#L" + line; }
}

package dev.llgoframes.lsp.services;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.sidecar.SidecarResult;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.TableMode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The executables traces can be matched against: configured ones and those discovered in the workspace.
 * A binary is reloaded when its modification time or size changes (a rebuild); the generation counter
 * tells caches that answers may have changed. Problems the user should act on (stale or broken sidecar,
 * unreadable configured binary, a trace from another build) are shown once per file version.
 */
public final class BinaryRegistry {
    private final Notifier notifier;
    private final Consumer<String> log;
    private final Map<Path, LoadedBinary> loaded = new ConcurrentHashMap<>();
    private final Map<Path, FileStamp> rejected = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile List<Path> configured = List.of();
    private volatile List<Path> discovered = List.of();

    /** Sends a user-visible warning; {@code key} makes it once-only. */
    public interface Notifier {
        void warnOnce(String key, String message);
    }

    public BinaryRegistry(Notifier notifier, Consumer<String> log) {
        this.notifier = notifier;
        this.log = log;
    }

    public long generation() { return generation.get(); }

    /** Recomputes the candidate set (walks the disk: call off the JSON-RPC thread) and loads them. */
    public void configure(Settings settings, List<Path> folders, List<String> problems) {
        Path base = folders.isEmpty() ? null : folders.get(0);
        List<Path> conf = BinaryDiscovery.configured(settings.binaries(), base, problems);
        List<Path> disc = BinaryDiscovery.scan(folders);
        this.configured = conf;
        this.discovered = disc;
        for (Path p : conf) {
            if (FileStamp.of(p).isEmpty()) {
                notifier.warnOnce("missing:" + p, "LLGo Frames: configured binary " + p + " does not exist");
            }
        }
        loaded.keySet().removeIf(p -> !conf.contains(p) && !disc.contains(p));
        generation.incrementAndGet();
        candidates();
    }

    /** Loaded candidates, configured first; reloads rebuilt files and drops deleted ones. */
    public List<LoadedBinary> candidates() {
        Set<Path> all = new LinkedHashSet<>(configured);
        all.addAll(discovered);
        List<LoadedBinary> out = new ArrayList<>();
        for (Path p : all) {
            load(p, configured.contains(p), false).ifPresent(b -> {
                if (b.binary().configuration().mode() != TableMode.NOT_LLGO || b.configured()) out.add(b);
            });
        }
        return out;
    }

    /** A binary named explicitly (a command argument): loaded and cached like the others. */
    public Optional<LoadedBinary> explicit(Path p) {
        return load(p.toAbsolutePath().normalize(), configured.contains(p), true);
    }

    /** Why there is no candidate at all, for hovers. */
    public String whyNoCandidates() {
        String gone = missingConfigured();
        if (gone != null) return gone;
        if (configured.isEmpty() && discovered.isEmpty()) return "no binaries configured (llgoFrames.binaries) and none found in the workspace folders";
        return "none of the " + (configured.size() + discovered.size()) + " binaries can be read as an executable";
    }

    /** The configured binaries that are gone from the disk, as a sentence; null when all are there. */
    public String missingConfigured() {
        List<Path> gone = configured.stream().filter(p -> FileStamp.of(p).isEmpty()).toList();
        if (gone.isEmpty()) return null;
        return "configured binary " + gone.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
                + (gone.size() == 1 ? " does" : " do") + " not exist now (deleted, or being rebuilt)";
    }

    /** Why {@link #explicit} gave nothing, for error replies. */
    public String whyNot(Path p) {
        if (FileStamp.of(p).isEmpty()) return p + ": no such file";
        try {
            LlgoBinary.open(p);
            return p + ": not usable";
        } catch (BinaryFormatException e) {
            return e.getMessage();
        } catch (IOException e) {
            return p + ": cannot read: " + e.getMessage();
        }
    }

    private Optional<LoadedBinary> load(Path p, boolean isConfigured, boolean quiet) {
        Optional<FileStamp> stamp = FileStamp.of(p);
        if (stamp.isEmpty()) {
            if (loaded.remove(p) != null) generation.incrementAndGet();
            return Optional.empty();
        }
        LoadedBinary have = loaded.get(p);
        if (have != null && have.stamp().equals(stamp.get())) return Optional.of(have);
        if (stamp.get().equals(rejected.get(p))) return Optional.empty();
        synchronized (this) {
            have = loaded.get(p);
            if (have != null && have.stamp().equals(stamp.get())) return Optional.of(have);
            try {
                LoadedBinary b = LoadedBinary.of(p, stamp.get(), LlgoBinary.open(p), isConfigured);
                loaded.put(p, b);
                rejected.remove(p);
                generation.incrementAndGet();
                if (have != null) log.accept("reloaded rebuilt binary " + p);
                b.sidecarProblem().ifPresent(sc -> notifier.warnOnce("sidecar:" + p + ":" + stamp.get(),
                        "LLGo Frames: " + p.getFileName() + ": " + sidecarMessage(sc)));
                return Optional.of(b);
            } catch (BinaryFormatException | IOException | RuntimeException e) {
                rejected.put(p, stamp.get());
                if (loaded.remove(p) != null) generation.incrementAndGet();
                String msg = e instanceof BinaryFormatException ? e.getMessage() : p + ": " + e;
                if (isConfigured && !quiet) notifier.warnOnce("broken:" + p + ":" + stamp.get(), "LLGo Frames: cannot use binary: " + msg);
                else log.accept("skipping binary: " + msg);
                return Optional.empty();
            }
        }
    }

    private static String sidecarMessage(SidecarResult sc) {
        String what = sc instanceof SidecarResult.Stale ? "stale sidecar (from another build)"
                : sc instanceof SidecarResult.Missing ? "sidecar missing" : "corrupt sidecar";
        return what + ": " + sc.describe()
                + ". LLGo's runtime falls back to the clite dump for this binary and frames cannot be re-symbolized; rebuild to regenerate the sidecar.";
    }

    public void warnMismatch(LoadedBinary b, String why) {
        notifier.warnOnce("mismatch:" + b.path() + ":" + b.stamp(), "LLGo Frames: " + b.name() + " does not match the trace: " + why
                + ". Was it rebuilt after the trace was printed?");
    }

    /** A watched file changed: forget it so the next use reloads (the stamp check would too, later). */
    public void invalidate(Path p) {
        if (loaded.remove(p) != null || rejected.remove(p) != null) generation.incrementAndGet();
    }
}

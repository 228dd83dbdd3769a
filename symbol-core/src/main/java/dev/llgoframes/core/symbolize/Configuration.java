package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.funcinfo.TableGlobals;
import dev.llgoframes.core.sidecar.SidecarResult;

import java.util.List;
import java.util.Optional;

/** What inspect reports: the table mode and every fact that decided it. */
public record Configuration(TableMode mode, String format, boolean pie, boolean stripped, boolean dwarf,
                            TableGlobals.Source globalsSource, Optional<SidecarResult> sidecar,
                            Optional<String> blobRejection, List<String> notes) {
    public Configuration {
        notes = List.copyOf(notes);
    }
}

package dev.llgoframes.core.sidecar;

import dev.llgoframes.core.funcinfo.FuncInfoTables;
import dev.llgoframes.core.funcinfo.Site;

import java.util.List;

/** A validated {@code LLGOPCL1} v4 sidecar (§5): its tables and its sites relocated to link addresses. */
public record Sidecar(int version, long fileSize, long checksum, long imageBase, long textStart, long textEnd,
                      byte[] identity, FuncInfoTables tables, List<Site> entrySites, List<Site> pclineSites) {
    public Sidecar {
        identity = identity.clone();
        entrySites = List.copyOf(entrySites);
        pclineSites = List.copyOf(pclineSites);
    }

    @Override
    public byte[] identity() { return identity.clone(); }
}

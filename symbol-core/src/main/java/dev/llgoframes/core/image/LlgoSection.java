package dev.llgoframes.core.image;

/** The sections LLGo adds to an executable (§3.7.2), named per container format by the image. */
public enum LlgoSection {
    ENTRY_SITES("llgo_funcinfo_entry"),
    PCLINE_SITES("llgo_pcline"),
    IDENTITY("llgo_pclntab_id"),
    /** Historical closure-stub sites (§4.7). */
    STUB_SITES("llgo_funcinfo_stubsite");

    private final String elfName;

    LlgoSection(String elfName) {
        this.elfName = elfName;
    }

    public String elfName() { return elfName; }
}

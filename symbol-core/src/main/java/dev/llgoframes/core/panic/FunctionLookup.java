package dev.llgoframes.core.panic;

import dev.llgoframes.core.resolve.FaithfulResolver;
import dev.llgoframes.core.resolve.Sym;

/**
 * The runtime's {@code resolve} as §8.5 uses it, on run-time addresses: function name ("" when
 * none) and entry (0 when none) of a lookup pc, and the text bound.
 */
public interface FunctionLookup {

    String function(long lookupPc);

    long entry(long lookupPc);

    boolean inText(long pc);

    /** LLGo's own answers (not the adapter's better C names): trim and splice must match the runtime. */
    static FunctionLookup faithful(FaithfulResolver r, long slide) {
        return new FunctionLookup() {
            @Override
            public String function(long lookupPc) {
                Sym s = r.resolve(lookupPc - slide);
                return s.ok() ? s.function() : "";
            }

            @Override
            public long entry(long lookupPc) {
                Sym s = r.resolve(lookupPc - slide);
                return s.ok() && s.entry() != 0 ? s.entry() + slide : 0;
            }

            @Override
            public boolean inText(long pc) {
                return r.inText(pc - slide);
            }
        };
    }
}

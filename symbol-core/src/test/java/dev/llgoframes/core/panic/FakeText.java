package dev.llgoframes.core.panic;

import java.util.ArrayList;
import java.util.List;

/** A text segment of named functions [start, end), with LLGo's resolve semantics reduced to what §8.5 asks. */
final class FakeText implements FunctionLookup {
    private record Fn(String name, long start, long end) {}

    private final List<Fn> fns = new ArrayList<>();
    private final long textStart;
    private final long textEnd;

    FakeText(long textStart, long textEnd) {
        this.textStart = textStart;
        this.textEnd = textEnd;
    }

    FakeText fn(String name, long start, long end) {
        fns.add(new Fn(name, start, end));
        return this;
    }

    private Fn at(long pc) {
        for (Fn f : fns) {
            if (pc >= f.start && pc < f.end) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String function(long lookupPc) {
        Fn f = at(lookupPc);
        return f == null ? "" : f.name;
    }

    @Override
    public long entry(long lookupPc) {
        Fn f = at(lookupPc);
        return f == null ? 0 : f.start;
    }

    @Override
    public boolean inText(long pc) {
        return pc >= textStart && pc < textEnd;
    }
}

package dev.llgoframes.dap.gdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A GDB/MI value: a c-string constant, a tuple of named results or a list. */
public sealed interface MiValue permits MiValue.Const, MiValue.Tuple, MiValue.ListValue {

    /** One {@code name=value} pair. */
    record Result(String name, MiValue value) {}

    record Const(String text) implements MiValue {}

    /**
     * Named results in order. gdb repeats names in some outputs (e.g. {@code frame=} in lists), so
     * this is a list, not a map.
     */
    record Tuple(List<Result> results) implements MiValue {
        public static final Tuple EMPTY = new Tuple(List.of());

        public Optional<MiValue> get(String name) {
            for (Result r : results) {
                if (r.name().equals(name)) {
                    return Optional.of(r.value());
                }
            }
            return Optional.empty();
        }

        /** The c-string under {@code name}, if it is a constant. */
        public Optional<String> string(String name) {
            return get(name).filter(Const.class::isInstance).map(v -> ((Const) v).text());
        }

        public String stringOr(String name, String fallback) {
            return string(name).orElse(fallback);
        }

        public Optional<Tuple> tuple(String name) {
            return get(name).filter(Tuple.class::isInstance).map(Tuple.class::cast);
        }

        public List<MiValue> list(String name) {
            return get(name).filter(ListValue.class::isInstance).map(v -> ((ListValue) v).items()).orElse(List.of());
        }
    }

    /**
     * A list of values or of results; a result item is kept as a one-entry tuple so callers can
     * treat {@code [frame={..},frame={..}]} and {@code [{..},{..}]} alike.
     */
    record ListValue(List<MiValue> items) implements MiValue {
        /** The items as tuples; a one-entry tuple that wraps a tuple is unwrapped. */
        public List<Tuple> tuples() {
            List<Tuple> out = new ArrayList<>();
            for (MiValue v : items) {
                if (v instanceof Tuple t) {
                    if (t.results().size() == 1 && t.results().get(0).value() instanceof Tuple inner) {
                        out.add(inner);
                    } else {
                        out.add(t);
                    }
                }
            }
            return out;
        }
    }

    static List<Tuple> tuplesOf(List<MiValue> items) {
        return new ListValue(items).tuples();
    }
}

package dev.llgoframes.dap.session;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A breakpoint's hit condition in the forms other adapters accept: {@code N} or {@code >= N}
 * (from the Nth hit on), {@code > N}, {@code == N} (only the Nth), {@code < N}, {@code <= N}
 * and {@code % N} (every Nth). Hits are counted by the session after gdb's own condition passed.
 */
public record HitCondition(Op op, long n) {
    public enum Op { AT_LEAST, GREATER, EQUAL, LESS, AT_MOST, EVERY }

    private static final Pattern FORM = Pattern.compile("\\s*(>=|<=|==|=|>|<|%)?\\s*(\\d+)\\s*");

    /** Empty for no condition; an error naming the text when it is none of the forms. */
    public static Optional<HitCondition> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new SessionException("hit condition '" + text.trim() + "' is not a number or one of >= N, > N, == N, < N, <= N, % N");
        }
        long n;
        try {
            n = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw new SessionException("hit condition '" + text.trim() + "': number too large");
        }
        String op = m.group(1) == null ? ">=" : m.group(1);
        Op o = switch (op) {
            case ">=" -> Op.AT_LEAST;
            case ">" -> Op.GREATER;
            case "==", "=" -> Op.EQUAL;
            case "<" -> Op.LESS;
            case "<=" -> Op.AT_MOST;
            default -> Op.EVERY;
        };
        if (o == Op.EVERY && n == 0) {
            throw new SessionException("hit condition '" + text.trim() + "': % 0 would divide by zero");
        }
        return Optional.of(new HitCondition(o, n));
    }

    /** Whether the hit with this 1-based count stops. */
    public boolean stopsAt(long hit) {
        return switch (op) {
            case AT_LEAST -> hit >= n;
            case GREATER -> hit > n;
            case EQUAL -> hit == n;
            case LESS -> hit < n;
            case AT_MOST -> hit <= n;
            case EVERY -> hit % n == 0;
        };
    }
}

package dev.llgoframes.dap.session;

import java.util.function.Function;

/** A logpoint's text: {@code {expression}} parts are replaced by the debugger's value; {{ and }} are literal braces. */
final class LogMessage {
    private LogMessage() {}

    static String render(String template, Function<String, String> evaluate) {
        StringBuilder b = new StringBuilder();
        int k = 0;
        while (k < template.length()) {
            char c = template.charAt(k);
            if ((c == '{' || c == '}') && k + 1 < template.length() && template.charAt(k + 1) == c) {
                b.append(c);
                k += 2;
                continue;
            }
            int close = c == '{' ? template.indexOf('}', k + 1) : -1;
            if (close < 0) {
                b.append(c);
                k++;
                continue;
            }
            String expr = template.substring(k + 1, close).trim();
            try {
                b.append(evaluate.apply(expr));
            } catch (BackendException e) {
                b.append("<").append(expr).append(": ").append(e.getMessage()).append(">");
            }
            k = close + 1;
        }
        return b.toString();
    }
}

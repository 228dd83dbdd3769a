package dev.llgoframes.dap.session;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps debugger commands typed in the debug console from reaching the host: gdb's shell,
 * pipe, python/guile and the commands that run other commands (so {@code with … -- shell} or
 * {@code thread apply all shell} cannot smuggle them in), and calls of the C library's process
 * starters in the debuggee ({@code call system("…")}). Conservative by design: any word of
 * the input that names such a command is refused, even inside a string.
 */
public final class ReplGuard {
    private static final List<String> HOST_COMMANDS = List.of("shell", "pipe", "python", "python-interactive",
            "guile", "guile-repl", "source", "compile", "make", "eval", "alias", "define", "document", "dump",
            "append", "restore", "with", "apply", "faas", "taas", "tfaas", "cd", "save",
            // run other interpreters' commands, load code into gdb, or reach a remote through a pipe
            "interpreter-exec", "new-ui", "jit-reader-load", "add-auto-load-safe-path",
            "add-auto-load-scripts-directory",
            // edit starts $EDITOR through a shell; newer gdbs have a $_shell convenience function
            "edit", "_shell",
            // called in the debuggee (call/print), these start programs on the host all the same
            "system", "popen", "execl", "execle", "execlp", "execv", "execve", "execvp", "execvpe",
            "posix_spawn", "posix_spawnp", "dlopen");
    /**
     * Refused as the command itself only: compound commands read their body from gdb's stdin,
     * which is the MI channel, and {@code target remote | cmd} runs cmd (yet {@code info target} is fine).
     */
    private static final List<String> FIRST_WORD_ONLY = List.of("if", "while", "commands", "target");
    /** Settings that make a later {@code run} go through a shell or wrapper, or make gdb trust/write files. */
    private static final java.util.regex.Pattern UNSAFE_SETTING = java.util.regex.Pattern.compile(
            "(^|\\s)set\\s+(exec-wrapper|startup-with-shell|auto-load|history|logging|python|guile)(\\s|$)");
    private static final List<String> SHORT_FORMS = List.of("!", "|", "py", "pi", "gu", "gr", "w", "sh", "pip");

    private final boolean unsafeAllowed;

    public ReplGuard(boolean unsafeAllowed) {
        this.unsafeAllowed = unsafeAllowed;
    }

    /** Why the input is refused, or empty if it may run. */
    public Optional<String> check(String input) {
        if (unsafeAllowed) {
            return Optional.empty();
        }
        // gdb's argument splitting drops quotes and backslashes: s\hell and sh"ell" still mean shell
        String t = input.trim().toLowerCase(Locale.ROOT).replaceAll("[\\\\\"']", "");
        if (t.startsWith("!") || t.startsWith("|")) {
            return refuse(t.substring(0, 1));
        }
        String[] words = t.split("[^a-z0-9_!|-]+");
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            if (w.isEmpty()) {
                continue;
            }
            if (k == firstWord(words)) {
                if (SHORT_FORMS.contains(w)) {
                    return refuse(w);
                }
                for (String c : FIRST_WORD_ONLY) {
                    if (w.equals(c) || (w.length() >= 3 && c.startsWith(w))) {
                        return refuse(c);
                    }
                }
            }
            for (String c : HOST_COMMANDS) {
                if (w.equals(c) || (k == firstWord(words) && w.length() >= 3 && c.startsWith(w))) {
                    return refuse(c);
                }
            }
        }
        java.util.regex.Matcher m = UNSAFE_SETTING.matcher(t.replaceAll("\\s+", " "));
        if (m.find()) {
            return refuse("set " + m.group(2));
        }
        return Optional.empty();
    }

    private static int firstWord(String[] words) {
        for (int k = 0; k < words.length; k++) {
            if (!words[k].isEmpty()) {
                return k;
            }
        }
        return -1;
    }

    private static Optional<String> refuse(String what) {
        return Optional.of("'" + what + "' is disabled in the debug console: it can run programs or scripts on this machine"
                + " (set \"allowUnsafeCommands\": true in the launch configuration to allow it)");
    }
}

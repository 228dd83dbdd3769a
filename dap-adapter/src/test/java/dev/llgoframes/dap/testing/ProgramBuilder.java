package dev.llgoframes.dap.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the test programs: a C template whose Go-like functions carry LLGo's entry and
 * statement-anchor sites (spec §3.7, notes/fixture-toolchain.md §1-3), plus an entry module
 * with the tables, compiled by gcc WITHOUT DWARF. A stand-in until the shared fixture module
 * ships; the source file itself plays the Go file in the tables.
 */
public final class ProgramBuilder {
    private static final Pattern ENTRY = Pattern.compile("LLGO_ENTRY\\(\"([^\"]+)\"\\);");
    private static final Pattern LINE = Pattern.compile("LLGO_LINE\\(\\);");

    /** A built program and its source, with the anchors the tables declare. */
    public record Program(Path executable, Path source, List<String> sourceLines, Map<String, Integer> functionLines,
                          List<Integer> anchoredLines) {
        /** 1-based line of the first source line containing the text. */
        public int lineOf(String text) {
            for (int i = 0; i < sourceLines.size(); i++) {
                if (sourceLines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException("no line contains " + text);
        }
    }

    private record Func(String symbol, int line) {}

    private record Anchor(long id, String function, int line) {}

    private ProgramBuilder() {}

    /** Builds {@code template} (a resource under programs/) into dir. */
    public static Program build(String template, Path dir, boolean pie, List<String> extraFlags) throws IOException {
        Files.createDirectories(dir);
        String text;
        try (InputStream in = ProgramBuilder.class.getResourceAsStream("/programs/" + template)) {
            if (in == null) {
                throw new IOException("missing resource programs/" + template);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path source = dir.resolve(template.replace(".c.in", ".c"));
        String[] lines = text.split("\n", -1);
        List<Func> funcs = new ArrayList<>();
        List<Anchor> anchors = new ArrayList<>();
        Map<String, Integer> seq = new LinkedHashMap<>();
        String current = null;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int lineNo = i + 1;
            Matcher e = ENTRY.matcher(l);
            if (e.find()) {
                current = e.group(1);
                funcs.add(new Func(current, 0));
                l = l.substring(0, e.start()) + entryAsm(symbolId(current)) + l.substring(e.end());
            }
            Matcher a = LINE.matcher(l);
            if (a.find()) {
                int n = seq.merge("main", 1, Integer::sum);
                long id = pclineId(current, n);
                anchors.add(new Anchor(id, current, lineNo));
                l = l.substring(0, a.start()) + lineAsm(id) + l.substring(a.end());
            }
            out.append(l);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        Files.writeString(source, out.toString(), StandardCharsets.UTF_8);
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (Anchor an : anchors) {
            firstLine.putIfAbsent(an.function(), an.line());
        }
        Path entry = dir.resolve("entry.s");
        Files.writeString(entry, entryModule(funcs, anchors, firstLine, source.toString()), StandardCharsets.UTF_8);
        Path exe = dir.resolve(template.replace(".c.in", "") + (pie ? "-pie" : ""));
        // no block reordering: anchors then follow source order, so the expected lines in tests are the obvious ones
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O2", "-fno-omit-frame-pointer", "-fno-optimize-sibling-calls",
                "-fno-reorder-blocks", "-fno-reorder-blocks-and-partition"));
        cmd.addAll(pie ? List.of("-fPIE", "-pie") : List.of("-no-pie"));
        cmd.addAll(extraFlags);
        cmd.addAll(List.of("-o", exe.toString(), source.toString(), entry.toString()));
        run(cmd, dir);
        List<Integer> anchoredLines = anchors.stream().map(Anchor::line).distinct().sorted().toList();
        return new Program(exe, source, Files.readAllLines(source), firstLine, anchoredLines);
    }

    private static String entryAsm(long id) {
        return "__asm__ volatile(\".Lllgo_funcinfo_entry_anchor_%=:\\n"
                + ".pushsection llgo_funcinfo_entry,\\\"awo\\\",@progbits,.Lllgo_funcinfo_entry_anchor_%=\\n"
                + ".p2align 3\\n.quad .Lllgo_funcinfo_entry_anchor_%=\\n.quad 0x" + hex16(id) + "\\n.popsection\\n\" ::: \"memory\");";
    }

    private static String lineAsm(long id) {
        String label = "__llgo_pcsite_" + hex16(id) + "_%=";
        return "__asm__ volatile(\"" + label + ":\\n"
                + ".pushsection llgo_pcline,\\\"awo\\\",@progbits," + label + "\\n"
                + ".p2align 3\\n.quad " + label + "\\n.quad 0x" + hex16(id) + "\\n.popsection\\n\" ::: \"memory\");";
    }

    static String hex16(long v) {
        return String.format("%016x", v);
    }

    static long fnv64(byte[] data) {
        long h = 0xcbf29ce484222325L;
        for (byte b : data) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long symbolId(String name) {
        long h = fnv64(name.getBytes(StandardCharsets.UTF_8));
        return h == 0 ? 1 : h;
    }

    static long pclineId(String name, int seq) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[n.length + 8];
        System.arraycopy(n, 0, b, 0, n.length);
        for (int k = 0; k < 8; k++) {
            b[n.length + k] = (byte) (((long) seq) >>> (8 * k));
        }
        long h = fnv64(b);
        return h == 0 ? 1 : h;
    }

    /** §3.1-3.6 tables: records sorted by symbol, strings, symbol index, pcline records; no hash (optional). */
    private static String entryModule(List<Func> funcs, List<Anchor> anchors, Map<String, Integer> firstLine, String file) {
        List<String> symbols = funcs.stream().map(Func::symbol).sorted(Comparator.comparing(s -> s.getBytes(StandardCharsets.UTF_8),
                java.util.Arrays::compareUnsigned)).toList();
        Map<String, Integer> strings = new LinkedHashMap<>();
        strings.put("", 0);
        String dir = file.substring(0, file.lastIndexOf('/') + 1);
        String base = file.substring(file.lastIndexOf('/') + 1);
        StringBuilder rec = new StringBuilder(".section .rodata\n.p2align 2\n.Lrecords:\n");
        for (String s : symbols) {
            int dot = s.indexOf('.', s.lastIndexOf('/') + 1);
            String pkg = dot < 0 ? "" : s.substring(0, dot);
            String local = dot < 0 ? s : s.substring(dot + 1);
            rec.append(".long ").append(sid(strings, pkg)).append(", ").append(sid(strings, local)).append(", ")
                    .append(sid(strings, pkg)).append(", ").append(sid(strings, local)).append(", ")
                    .append(sid(strings, dir)).append(", ").append(sid(strings, base)).append(", ")
                    .append(firstLine.getOrDefault(s, 0)).append('\n');
        }
        StringBuilder pcl = new StringBuilder(".p2align 3\n.Lpcline:\n");
        List<Anchor> sorted = new ArrayList<>(anchors);
        sorted.sort((x, y) -> Long.compareUnsigned(x.id(), y.id()));
        for (Anchor a : sorted) {
            pcl.append(".quad 0x").append(hex16(a.id())).append("\n.long ").append(symbols.indexOf(a.function()) + 1)
                    .append(", ").append(sid(strings, dir)).append(", ").append(sid(strings, base)).append(", ")
                    .append(a.line()).append('\n');
        }
        StringBuilder idx = new StringBuilder(".p2align 3\n.Lsymindex:\n");
        List<String> byId = new ArrayList<>(symbols);
        byId.sort((x, y) -> Long.compareUnsigned(symbolId(x), symbolId(y)));
        for (String s : byId) {
            idx.append(".quad 0x").append(hex16(symbolId(s))).append("\n.long ").append(symbols.indexOf(s) + 1).append(", 0\n");
        }
        StringBuilder pool = new StringBuilder(".Lstrings:\n.byte 0\n");
        StringBuilder offs = new StringBuilder(".p2align 2\n.Loffsets:\n.long 0\n");
        int off = 1;
        for (Map.Entry<String, Integer> e : strings.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            pool.append(".asciz \"").append(e.getKey().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
            offs.append(".long ").append(off).append('\n');
            off += e.getKey().getBytes(StandardCharsets.UTF_8).length + 1;
        }
        StringBuilder data = new StringBuilder(".data\n.p2align 3\n");
        global(data, "__llgo_funcinfo_table", ".quad .Lrecords", false);
        global(data, "__llgo_pcline_table", ".quad .Lpcline", false);
        global(data, "__llgo_pcsite_start", ".quad __start_llgo_pcline", false);
        global(data, "__llgo_pcsite_end", ".quad __stop_llgo_pcline", false);
        global(data, "__llgo_funcinfo_entry_start", ".quad __start_llgo_funcinfo_entry", false);
        global(data, "__llgo_funcinfo_entry_end", ".quad __stop_llgo_funcinfo_entry", false);
        global(data, "__llgo_funcinfo_strings", ".quad .Lstrings", false);
        global(data, "__llgo_funcinfo_string_offsets", ".quad .Loffsets", false);
        global(data, "__llgo_funcinfo_string_count", ".quad " + strings.size(), false);
        global(data, "__llgo_funcinfo_hash", ".quad 0", false);
        global(data, "__llgo_funcinfo_symbol_index", ".quad .Lsymindex", true);
        global(data, "__llgo_funcinfo_count", ".quad " + symbols.size(), false);
        global(data, "__llgo_funcinfo_symbol_index_count", ".quad " + symbols.size(), true);
        global(data, "__llgo_pcline_count", ".quad " + anchors.size(), false);
        global(data, "__llgo_funcinfo_hash_mask", ".quad 0", false);
        data.append(".globl __llgo_fp_chain\n.type __llgo_fp_chain, @object\n.size __llgo_fp_chain, 1\n__llgo_fp_chain: .byte 1\n");
        String sections = ".section llgo_pcline,\"awR\",@progbits\n.p2align 3\n.quad 0, 0\n"
                + ".section llgo_funcinfo_entry,\"awR\",@progbits\n.p2align 3\n.quad 0, 0\n.quad 0, 0x3154454d4f474c4c\n"
                + ".quad __llgo_funcinfo_symbol_index, 0\n.quad __llgo_funcinfo_symbol_index_count, 0\n"
                + ".section .note.GNU-stack,\"\",@progbits\n";
        return rec + pcl.toString() + idx + pool + offs + data + sections;
    }

    private static int sid(Map<String, Integer> strings, String s) {
        return strings.computeIfAbsent(s, k -> strings.size());
    }

    private static void global(StringBuilder b, String name, String value, boolean hidden) {
        b.append(".globl ").append(name).append('\n');
        if (hidden) {
            b.append(".hidden ").append(name).append('\n');
        }
        b.append(".type ").append(name).append(", @object\n.size ").append(name).append(", 8\n")
                .append(name).append(": ").append(value).append('\n');
    }

    private static void run(List<String> cmd, Path dir) throws IOException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

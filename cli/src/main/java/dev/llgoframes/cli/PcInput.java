package dev.llgoframes.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Pcs given on the command line or on stdin: hex with or without 0x, also a fault handler's "…-frame: 0x…" lines. */
final class PcInput {
    private PcInput() {}

    static long parse(String tok, String where) throws InputException {
        String hex = tok.startsWith("0x") || tok.startsWith("0X") ? tok.substring(2) : tok;
        if (hex.isEmpty() || hex.length() > 16 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new InputException(where + ": '" + tok + "' is not a hexadecimal pc");
        }
        return Long.parseUnsignedLong(hex, 16);
    }

    static List<Long> read(InputStream in) throws InputException {
        List<Long> pcs = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.trim();
                if (t.startsWith("fixture-fault:")) {
                    continue;
                }
                int colon = t.indexOf("-frame:");
                if (colon >= 0) {
                    t = t.substring(colon + "-frame:".length()).trim();
                }
                for (String tok : t.split("[\\s,]+")) {
                    if (!tok.isEmpty()) {
                        pcs.add(parse(tok, "stdin line " + n));
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException("stdin: cannot read: " + e.getMessage());
        }
        return pcs;
    }
}

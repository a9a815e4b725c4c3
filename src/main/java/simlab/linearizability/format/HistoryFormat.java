package simlab.linearizability.format;

import java.nio.file.Path;
import java.util.List;

/** The history file formats this package reads. */
public enum HistoryFormat {
    /** Jepsen etcd logs ({@link JepsenEtcdFormat}). */
    JEPSEN,
    /** Porcupine's EDN-like key/value lines ({@link PorcupineKvFormat}). */
    KV,
    /** Plain register lines ({@link RegisterTextFormat}). */
    REGISTER;

    /**
     * Guesses the format from the first line that is neither blank nor a comment: "INFO"
     * starts a Jepsen log, "{" a key/value line, anything else is taken as the register
     * format. Returns null for a file with no such line.
     */
    public static HistoryFormat detect(List<String> lines) {
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("INFO")) {
                return JEPSEN;
            }
            return t.startsWith("{") ? KV : REGISTER;
        }
        return null;
    }

    /** The lines of a history file; a missing or unreadable file is reported like a format error, at line 0. */
    public static List<String> readLines(Path file) throws HistoryFormatException {
        return HistoryFiles.lines(file);
    }
}

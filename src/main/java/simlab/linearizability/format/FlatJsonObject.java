package simlab.linearizability.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one line holding a flat JSON object whose values are strings, integers or null,
 * which is all the JSON Lines history format needs; nested values, booleans and fractions
 * are reported as errors rather than half-supported. Errors carry the line's location.
 */
final class FlatJsonObject {
    /** Stands for JSON null in the parsed map (a map value of null would be ambiguous with "absent"). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String file;
    private final int lineNumber;
    private final String line;
    private int pos;

    private FlatJsonObject(String file, int lineNumber, String line) {
        this.file = file;
        this.lineNumber = lineNumber;
        this.line = line;
    }

    /** Field names in file order mapped to a String, a Long or {@link #NULL}. */
    static Map<String, Object> parse(String file, int lineNumber, String line) throws HistoryFormatException {
        return new FlatJsonObject(file, lineNumber, line).object();
    }

    private Map<String, Object> object() throws HistoryFormatException {
        Map<String, Object> fields = new LinkedHashMap<>();
        skipBlanks();
        expect('{', "'{' (a JSON object)");
        skipBlanks();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipBlanks();
                if (peek() != '"') {
                    throw expected("a field name (a double-quoted string)");
                }
                String name = string();
                if (fields.containsKey(name)) {
                    throw error("field \"" + name + "\" appears twice");
                }
                skipBlanks();
                expect(':', "':' after field \"" + name + "\"");
                skipBlanks();
                fields.put(name, value(name));
                skipBlanks();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect('}', "',' or '}'");
                break;
            }
        }
        skipBlanks();
        if (pos < line.length()) {
            throw expected("end of line after the object");
        }
        return fields;
    }

    private Object value(String name) throws HistoryFormatException {
        int c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return integer(name);
        }
        if (line.startsWith("null", pos)) {
            pos += 4;
            return NULL;
        }
        throw expected("a string, an integer or null as the value of \"" + name + "\"");
    }

    private Long integer(String name) throws HistoryFormatException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < line.length() && Character.isDigit(line.charAt(pos)) && line.charAt(pos) < 128) {
            pos++;
        }
        int c = peek();
        if (c == '.' || c == 'e' || c == 'E') {
            pos = start;
            throw expected("an integer as the value of \"" + name + "\"");
        }
        try {
            return Long.parseLong(line.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw expected("an integer (64 bits) as the value of \"" + name + "\"");
        }
    }

    /** A JSON string starting at the opening quote, with all of JSON's escapes. */
    private String string() throws HistoryFormatException {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= line.length()) {
                throw error("unterminated string starting at column " + (start + 1) + ": missing closing '\"'");
            }
            char c = line.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("expected control character U+" + hex4(c) + " in a string to be escaped (column "
                        + pos + ")");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= line.length()) {
                throw error("unterminated escape at the end of the line");
            }
            char e = line.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(unicodeEscape());
                default -> throw error("expected one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
                        + " but found '\\" + e + "' (column " + (pos - 1) + ")");
            }
        }
    }

    private char unicodeEscape() throws HistoryFormatException {
        if (pos + 4 > line.length()) {
            throw error("expected four hex digits after '\\u' but the line ended");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(line.charAt(pos + i), 16);
            if (d < 0) {
                throw error("expected four hex digits after '\\u' but found '" + line.substring(pos, pos + 4) + "'");
            }
            v = v * 16 + d;
        }
        pos += 4;
        // Surrogate halves are kept as they are: a pair written as two escapes rebuilds the code point.
        return (char) v;
    }

    private void expect(char c, String what) throws HistoryFormatException {
        if (peek() != c) {
            throw expected(what);
        }
        pos++;
    }

    private int peek() {
        return pos < line.length() ? line.charAt(pos) : -1;
    }

    private void skipBlanks() {
        while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t' || line.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private HistoryFormatException error(String problem) {
        return new HistoryFormatException(file, lineNumber, problem);
    }

    private HistoryFormatException expected(String what) {
        String found;
        if (pos >= line.length()) {
            found = "end of line";
        } else {
            int end = Math.min(line.length(), pos + 20);
            found = "'" + line.substring(pos, end) + (end < line.length() ? "...'" : "'");
        }
        return error("expected " + what + " but found " + found + " (column " + (pos + 1) + ")");
    }

    static String hex4(int c) {
        return String.format("%04X", c);
    }
}

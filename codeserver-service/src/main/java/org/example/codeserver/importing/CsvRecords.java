package org.example.codeserver.importing;

import java.util.ArrayList;
import java.util.List;
import org.example.codeserver.codesystem.InvalidCodeSystemException;

/** Rows of a delimited text file (RFC 4180 quoting), each with its 1-based line number. */
final class CsvRecords {

    /** One row: its line number and its fields. */
    record Row(int line, List<String> fields) {

        String get(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }
    }

    private CsvRecords() {}

    /** Parses lines; blank lines are skipped, quoted fields may span lines. */
    static List<Row> parse(List<String> lines, char separator, String file) {
        var rows = new ArrayList<Row>();
        int i = 0;
        while (i < lines.size()) {
            int start = i;
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            var fields = new ArrayList<String>();
            var field = new StringBuilder();
            boolean quoted = false;
            var line = lines.get(i);
            int pos = 0;
            while (true) {
                if (pos >= line.length()) {
                    if (quoted) {
                        if (++i >= lines.size()) {
                            throw new InvalidCodeSystemException(start + 1, file + ": a quoted field is not closed");
                        }
                        field.append('\n');
                        line = lines.get(i);
                        pos = 0;
                        continue;
                    }
                    fields.add(field.toString());
                    break;
                }
                char c = line.charAt(pos++);
                if (quoted) {
                    if (c == '"' && pos < line.length() && line.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            rows.add(new Row(start + 1, fields));
            i++;
        }
        return rows;
    }
}

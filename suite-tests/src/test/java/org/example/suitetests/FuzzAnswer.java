package org.example.suitetests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the suite answered to one generated request, and what is wrong with it: a 5xx (a SOAP endpoint's fault is
 * the protocol's own error, which SOAP 1.1 sends with 500, so it is allowed there), a stack trace or an exception's
 * class name, SQL or a database message, or the generated personnummer echoed in an error (in any SOAP answer).
 */
record FuzzAnswer(int status, String contentType, String body) {

    /** No answer at all: the connection broke or the answer did not come within the timeout. */
    static final int NO_ANSWER = -1;

    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat\\s+[\\w$.]+\\([\\w$]+\\.java:\\d+\\)" // a stack frame
                    + "|Caused by: "
                    + "|\\b(?:java|javax|jakarta|org|com|ca|io|net)\\.(?:[a-z0-9_]+\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b"
                    + "|\"trace\"\\s*:");
    private static final Pattern SQL = Pattern.compile("(?i)\\bSQLState\\b|PSQLException|org\\.postgresql"
            + "|syntax error at or near|duplicate key value|violates [a-z-]+ constraint|\\brelation \"[^\"]*\""
            + "|\\b(?:select|delete)\\b[^<>{}\\n]{0,120}\\bfrom\\s+[a-z_]+\\b|\\binsert\\s+into\\s+[a-z_]+"
            + "|\\bupdate\\s+[a-z_]+\\s+set\\b");

    /** The problems with this answer; empty when it is a fine answer to a bad request. */
    List<String> problems(boolean soapEndpoint) {
        var problems = new ArrayList<String>();
        if (status == NO_ANSWER) {
            problems.add("no answer (" + body + ")");
            return problems;
        }
        if (status >= 500 && !(soapEndpoint && status == 500 && isSoapFault())) {
            problems.add("status " + status);
        }
        var trace = STACK_TRACE.matcher(body);
        if (trace.find()) {
            problems.add("stack trace or exception class: " + visible(trace.group()));
        }
        var sql = SQL.matcher(body);
        if (sql.find()) {
            problems.add("SQL or database message: " + visible(sql.group()));
        }
        if (status >= 400 || soapEndpoint) { // a SOAP answer never needs the personnummer, whatever its status
            for (var form : FuzzValues.PERSONNUMMER_FORMS) {
                if (body.contains(form)) {
                    problems.add("personnummer echoed: " + form);
                    break;
                }
            }
        }
        return problems;
    }

    private boolean isSoapFault() {
        return contentType != null && contentType.contains("xml") && body.contains("Fault>");
    }

    /** The answer's start, and where it repeats the personnummer, the text around that. */
    String excerpt() {
        var excerpt = body.length() > 600 ? body.substring(0, 600) + "…" : body;
        for (var form : FuzzValues.PERSONNUMMER_FORMS) {
            var at = body.indexOf(form);
            if (at > 500) {
                excerpt += " …" + body.substring(Math.max(0, at - 200), Math.min(body.length(), at + 100)) + "…";
                break;
            }
        }
        return visible(excerpt);
    }

    /** Control characters as \\uXXXX, so that a report shows exactly what went over the wire. */
    static String visible(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x202e || c == 0xfeff) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

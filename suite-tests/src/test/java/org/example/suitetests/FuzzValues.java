package org.example.suitetests;

import java.util.List;

/** The hostile values the generators put wherever a request has a value. */
final class FuzzValues {

    /**
     * A personnummer with a valid check digit (Skatteverket's well-known 19121212-1212), in every form: an error
     * answer must never repeat it.
     */
    static final List<String> PERSONNUMMER_FORMS =
            List.of("191212121212", "19121212-1212", "1212121212", "121212-1212");

    /** Strings for any text: empty, blank, control characters, odd Unicode, injections, numbers as text, huge. */
    static final List<String> STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\r\nX-Injected: 1\r\n",
            "\u0007\u001b[31m\u007f",
            "\u202Eevil\u202C",
            "\uFEFF\u200B\u200D\u2060",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 👩‍⚕️",
            "Å̊ÄÖ e\u0301\u0301\u0301\u0301",
            "\uD800",
            "\uFFFF\uFFFE",
            "' or '1'='1' --",
            "1); drop table audit_entry; --",
            "<script>alert(1)</script><img src=x onerror=alert(1)",
            "${jndi:ldap://127.0.0.1/a}",
            "%s%n%x%p",
            "../../../../etc/passwd",
            "19121212-1212",
            "121212-1212",
            "191212121212",
            "-1",
            "0",
            "99999999999999999999999",
            "1e309",
            "NaN",
            "true",
            "null",
            "2026-02-30",
            "9999-99-99T99:99:99Z",
            "x".repeat(5_000),
            "é".repeat(70_000));

    /** Path segments sent exactly as written (already encoded): traversal and encoded slashes. */
    static final List<String> RAW_PATH_SEGMENTS = List.of(
            "..",
            "%2e%2e",
            "..%2f..%2f..%2fetc%2fpasswd",
            "%2F",
            "a%2Fb",
            "%252F",
            "..%5c..%5c",
            "..;",
            "%00",
            "a%00b",
            "%c0%ae%c0%ae",
            ".%2e",
            "%ff%fe",
            "%",
            "%zz",
            "~",
            "%20",
            "191212121212%2F..");

    /** JSON values of every type, for a field of any type. */
    static final List<String> JSON_VALUES = List.of(
            "null",
            "true",
            "0",
            "-1",
            "2147483648",
            "9223372036854775808",
            "1.5e400",
            "-0.0",
            "\"\"",
            "\"x\"",
            "[]",
            "[null]",
            "{}",
            "{\"a\":{}}",
            "\"19121212-1212\"");

    /** Bodies that are not what any JSON operation expects. */
    static final List<String> MALFORMED_JSON = List.of(
            "",
            "{",
            "[",
            "{\"a\":",
            "{\"a\" 1}",
            "{'a':1}",
            "nul",
            "\"just a string\"",
            "[]",
            "null",
            "123",
            "{\"a\":1}}",
            "{\"a\":\"\\x00\"}",
            "{\"a\":\"\\ud800\"}",
            "\uFEFF{}",
            "{\"a\":1,\"a\":2}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":" + "[".repeat(2_000) + "1" + "]".repeat(2_000) + "}",
            "<?xml version=\"1.0\"?><a/>",
            "a=b&c=d",
            "\u0000\u0001\u0002");

    /** Content types other than the operation's. */
    static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=klingon",
            "application/octet-stream",
            "*/*",
            "application/x-java-serialized-object",
            "nonsense");

    private FuzzValues() {}
}

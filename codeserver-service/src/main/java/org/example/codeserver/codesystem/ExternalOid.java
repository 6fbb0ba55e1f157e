package org.example.codeserver.codesystem;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * OIDs that the certificates and FMB content the suite handles use, which name something this server does not serve:
 * SNOMED CT (licensed, served by the national SNOMED CT release service) and identifier namespaces (which are not
 * code systems). Asking for one is answered "known, not served here" instead of a bare "unknown".
 */
public enum ExternalOid {
    SNOMED_CT(
            "1.2.752.116.2.1.1.1",
            "SNOMED CT",
            "http://snomed.info/sct",
            "code system",
            "the SNOMED CT codes of the death-certificate schematron (doi.v1.sch, db.v1.sch)"),
    SNOMED_CT_FMB(
            "1.2.752.116.2.1.1",
            "SNOMED CT",
            "http://snomed.info/sct",
            "code system",
            "the SNOMED CT keywords of the FMB collections (kodsystem)"),
    PERSONNUMMER(
            "1.2.752.129.2.1.3.1",
            "personnummer",
            null,
            "identifier namespace",
            "PersonIdRoot of the RegisterCertificate contract"),
    SAMORDNINGSNUMMER(
            "1.2.752.129.2.1.3.3",
            "samordningsnummer",
            null,
            "identifier namespace",
            "PersonIdRoot of the RegisterCertificate contract"),
    HSA_ID("1.2.752.129.2.1.4.1", "HSA-id", null, "identifier namespace", "HsaId of the RegisterCertificate contract"),
    ARBETSPLATSKOD(
            "1.2.752.29.4.71",
            "arbetsplatskod",
            null,
            "identifier namespace",
            "ArbetsplatsKod of the RegisterCertificate contract");

    private final String oid;
    private final String title;
    private final @Nullable String url;
    private final String kind;
    private final String source;

    ExternalOid(String oid, String title, @Nullable String url, String kind, String source) {
        this.oid = oid;
        this.title = title;
        this.url = url;
        this.kind = kind;
        this.source = source;
    }

    /** The entry for an OID, with or without {@code urn:oid:}. */
    public static Optional<ExternalOid> of(@Nullable String oid) {
        if (oid == null) {
            return Optional.empty();
        }
        var bare = oid.startsWith("urn:oid:") ? oid.substring("urn:oid:".length()) : oid;
        return Arrays.stream(values()).filter(e -> e.oid.equals(bare)).findFirst();
    }

    public String oid() {
        return oid;
    }

    public String title() {
        return title;
    }

    public @Nullable String url() {
        return url;
    }

    public String kind() {
        return kind;
    }

    public String source() {
        return source;
    }

    /** One sentence naming it and why it is not served here. */
    public String explanation() {
        return "urn:oid:" + oid + " is " + title + " (" + kind + (url == null ? "" : ", " + url)
                + "), which this server "
                + (url == null ? "does not serve: it is not a code system" : "knows of but does not serve");
    }
}

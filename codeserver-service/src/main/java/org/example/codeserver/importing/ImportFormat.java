package org.example.codeserver.importing;

/** The file formats the code server can import. */
public enum ImportFormat {
    /** Socialstyrelsen kodtextfiler: digit3/4/5.txt (+ chapter.txt, block.txt), one zip. */
    ICD_10_SE,
    /** KVÅ kodtextfiler: level1-4.txt of KKÅ and KMÅ, one zip with folders named *kka* and *kma*. */
    KVA,
    /** KSH97-P fixed width: KSH97P_KOD.ANS (+ KSH97P_SFAMALT.ANS), ISO-8859-1. */
    KSH97_P,
    /** ICF Swedish Excel (.xls) code list, optionally with the alternative terms workbook, one zip. */
    ICF,
    /** A simple code list CSV: code, display[, note] with a header row (HoSp lists). */
    CODE_LIST_CSV,
    /** HSA befattning: Befattningskod;Klartext;Beskrivning. */
    HSA_BEFATTNING,
    /** A FHIR R4 CodeSystem resource in JSON. */
    FHIR_CODESYSTEM,
    /** HAPI/Snowstorm custom code system: concepts.csv (+ hierarchy.csv, properties.csv, codesystem.json), zip. */
    CUSTOM_CSV
}

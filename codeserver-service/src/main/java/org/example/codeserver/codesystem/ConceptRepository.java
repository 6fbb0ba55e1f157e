package org.example.codeserver.codesystem;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Bulk storage of concepts, parents, designations and properties with PostgreSQL {@code COPY} (an ICD-10-SE release
 * of 35,000 concepts loads in well under a second), and reading a version back to build its index.
 */
@Repository
class ConceptRepository {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    ConceptRepository(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Inserts the concepts of a version; runs in the caller's transaction. */
    void insert(long versionId, List<PropertyDefinition> properties, List<NewConcept> concepts) {
        var id = Long.toString(versionId);
        var propertyRows = new StringBuilder();
        for (var property : properties) {
            row(propertyRows, id, property.code(), property.uri(), property.type(), property.description());
        }
        var conceptRows = new StringBuilder(concepts.size() * 80);
        var parentRows = new StringBuilder();
        var designationRows = new StringBuilder();
        var propertyValueRows = new StringBuilder();
        int ordinal = 0;
        for (var concept : concepts) {
            row(
                    conceptRows,
                    id,
                    concept.code(),
                    Integer.toString(ordinal++),
                    concept.display(),
                    concept.definition(),
                    concept.status().name());
            for (var parent : concept.parents()) {
                row(parentRows, id, concept.code(), parent);
            }
            for (var d : concept.designations()) {
                row(
                        designationRows,
                        id,
                        concept.code(),
                        d.language(),
                        d.useSystem(),
                        d.useCode(),
                        d.useDisplay(),
                        d.value());
            }
            for (var p : concept.properties()) {
                row(propertyValueRows, id, concept.code(), p.code(), p.type(), p.value());
            }
        }
        copy("code_system_property (version_id, code, uri, type, description)", propertyRows);
        copy("concept (version_id, code, ordinal, display, definition, status)", conceptRows);
        copy("concept_parent (version_id, code, parent_code)", parentRows);
        copy("designation (version_id, code, language, use_system, use_code, use_display, value)", designationRows);
        copy("concept_property (version_id, code, property, type, value)", propertyValueRows);
    }

    int count(long versionId) {
        return jdbc.queryForObject("select count(*) from concept where version_id = ?", Integer.class, versionId);
    }

    List<PropertyDefinition> properties(long versionId) {
        return jdbc.query(
                "select code, uri, type, description from code_system_property where version_id = ? " + "order by code",
                (rs, i) -> new PropertyDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                versionId);
    }

    /** Reads a whole version and builds its in-memory index. */
    ConceptIndex loadIndex(long versionId) {
        var designations = new HashMap<String, List<Designation>>();
        jdbc.query(
                "select code, language, use_system, use_code, use_display, value from designation "
                        + "where version_id = ?",
                rs -> {
                    designations
                            .computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                            .add(new Designation(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6)));
                },
                versionId);
        var properties = new HashMap<String, List<ConceptProperty>>();
        jdbc.query(
                "select code, property, type, value from concept_property where version_id = ?",
                rs -> {
                    properties
                            .computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                            .add(new ConceptProperty(rs.getString(2), rs.getString(3), rs.getString(4)));
                },
                versionId);
        Map<String, List<String>> parents = new HashMap<>();
        jdbc.query(
                "select code, parent_code from concept_parent where version_id = ?",
                rs -> {
                    parents.computeIfAbsent(rs.getString(1), c -> new ArrayList<>(1))
                            .add(rs.getString(2));
                },
                versionId);
        var concepts = new ArrayList<IndexedConcept>();
        jdbc.query(
                "select code, display, definition, status from concept where version_id = ? order by ordinal",
                rs -> {
                    var code = rs.getString(1);
                    concepts.add(new IndexedConcept(
                            concepts.size(),
                            code,
                            rs.getString(2),
                            rs.getString(3),
                            ConceptStatus.valueOf(rs.getString(4)),
                            designations.getOrDefault(code, List.of()),
                            properties.getOrDefault(code, List.of())));
                },
                versionId);
        return ConceptIndex.build(concepts, parents);
    }

    private void copy(String table, CharSequence rows) {
        if (rows.isEmpty()) {
            return;
        }
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " from stdin", new StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Bulk insert into " + table + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Appends one row in PostgreSQL COPY text format. */
    private static void row(StringBuilder out, @Nullable String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            var value = values[i];
            if (value == null) {
                out.append("\\N");
                continue;
            }
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
        out.append('\n');
    }
}

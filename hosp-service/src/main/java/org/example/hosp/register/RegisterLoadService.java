package org.example.hosp.register;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Service;

/**
 * Loads whole chunks of persons into the register with PostgreSQL COPY, on the caller's connection and in its
 * transaction (the synthetic register's first-start load). With {@link RegisterService}, which changes persons one at
 * a time, the register feature is the only writer of the person table and the tables that hang off it.
 */
@Service
public class RegisterLoadService {

    RegisterLoadService() {}

    /** Whether the register holds any person at all. */
    public boolean holdsPersons(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var existing = statement.executeQuery("select exists (select 1 from person)")) {
            existing.next();
            return existing.getBoolean(1);
        }
    }

    /** The first licence id free for rows written with {@link RegisterRows}. */
    public long nextLicenceId(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var max = statement.executeQuery("select coalesce(max(id), 0) + 1 from licence")) {
            max.next();
            return max.getLong(1);
        }
    }

    public void copy(Connection connection, RegisterRows rows) throws SQLException, IOException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(
                "copy person (identity_number, birth_date, given_name, family_name, sex, folkbokforingsort, "
                        + "protected_identity, deceased, prescriber_code, prescribing_scope, registered_at, updated_at) "
                        + "from stdin with (format csv)",
                new StringReader(rows.persons.toString()));
        copy.copyIn(
                "copy licence (id, identity_number, profession_code, licensed_on) from stdin with (format csv)",
                new StringReader(rows.licences.toString()));
        copy.copyIn(
                "copy specialist_certificate (licence_id, speciality_code, speciality_name, certified_on) "
                        + "from stdin with (format csv)",
                new StringReader(rows.specialistCertificates.toString()));
        copy.copyIn(
                "copy restriction (licence_id, code, valid_from, valid_to, description) "
                        + "from stdin with (format csv)",
                new StringReader(rows.restrictions.toString()));
        copy.copyIn(
                "copy education (identity_number, profession_code, school, country, exam_date) "
                        + "from stdin with (format csv)",
                new StringReader(rows.educations.toString()));
    }

    /** After the last chunk: licences issued later get ids after the loaded ones. */
    public void finishLoad(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("select setval(pg_get_serial_sequence('licence', 'id'), (select max(id) from licence))");
        }
    }

    /** Fresh planner statistics for the loaded tables (outside the load's transaction). */
    public void analyze(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("analyze person, licence, specialist_certificate, restriction, education");
        }
    }
}

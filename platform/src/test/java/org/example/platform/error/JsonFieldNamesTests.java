package org.example.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldNamesTests {

    record Line(String description) {}

    record Person(String name, List<Line> lines) {}

    record Form(@JsonUnwrapped Person person, Person referrer, String id) {}

    @Test
    void anUnwrappedPartIsLeftOutOfTheName() {
        assertThat(JsonFieldNames.of(Form.class, "person.name")).isEqualTo("name");
        assertThat(JsonFieldNames.of(Form.class, "person.lines[0].description")).isEqualTo("lines[0].description");
    }

    @Test
    void aPartThatIsNotUnwrappedAndAPlainFieldKeepTheirNames() {
        assertThat(JsonFieldNames.of(Form.class, "referrer.name")).isEqualTo("referrer.name");
        assertThat(JsonFieldNames.of(Form.class, "id")).isEqualTo("id");
        assertThat(JsonFieldNames.of(null, "person.name")).isEqualTo("person.name");
    }
}

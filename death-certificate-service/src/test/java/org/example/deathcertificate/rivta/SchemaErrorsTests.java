package org.example.deathcertificate.rivta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaErrorsTests {

    @Test
    void namesTheRuleAndElementOfAFixedValueErrorButNotTheValue() {
        var described = SchemaErrors.describe("cvc-elt.5.2.2.2.2: The value '19121212-1212' of element 'ns3:root' does "
                + "not match the {value constraint} value '1.2.752.29.4.71'.");

        assertThat(described).isEqualTo("cvc-elt.5.2.2.2.2 at element 'root'");
    }

    @Test
    void keepsOnlyTheRuleWhenTheMessageNamesNoElement() {
        var described = SchemaErrors.describe("cvc-pattern-valid: Value '191212121212' is not facet-valid with respect "
                + "to pattern '[0-9]{12}' for type 'PersonIdType'.");

        assertThat(described).isEqualTo("cvc-pattern-valid");
    }

    @Test
    void namesTheLocalNameOfAnUnexpectedElementWithoutItsNamespace() {
        var described = SchemaErrors.describe("cvc-complex-type.2.4.a: Invalid content was found starting with element "
                + "'{\"urn:19121212-1212\":extra}'. One of '{\"urn:riv:x\":intyg}' is expected.");

        assertThat(described).isEqualTo("cvc-complex-type.2.4.a at element 'extra'");
    }

    @Test
    void namesNeitherAnAttributeValueNorAnElementNameThatIsNoXmlName() {
        var described = SchemaErrors.describe("cvc-attribute.3: The value '19121212-1212' of attribute 'id' on element "
                + "'19121212-1212' is not valid with respect to its type, 'string'.");

        assertThat(described).isEqualTo("cvc-attribute.3 at attribute 'id'");
    }

    @Test
    void saysTheMessageDoesNotFollowTheSchemaWhenTheParserGaveNoRule() {
        assertThat(SchemaErrors.describe("Unexpected '19121212-1212'"))
                .isEqualTo("The message does not follow the schema");
        assertThat(SchemaErrors.describe(null)).isEqualTo("The message does not follow the schema");
    }
}

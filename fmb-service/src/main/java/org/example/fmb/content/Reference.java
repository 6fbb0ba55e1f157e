package org.example.fmb.content;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A reference of a diagnosis page (text and link). */
@JsonPropertyOrder({"text", "uri"})
public record Reference(String text, String uri) {
}

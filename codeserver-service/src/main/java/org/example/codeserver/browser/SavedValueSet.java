package org.example.codeserver.browser;

import java.util.List;
import org.springframework.lang.Nullable;

/** A value set saved from the browser, as its page shows it. */
public record SavedValueSet(
        String id,
        String url,
        @Nullable String title,
        @Nullable String description,
        List<Member> members) {

    /** One code of the value set. */
    public record Member(String slug, String code, @Nullable String display, String href) {}
}

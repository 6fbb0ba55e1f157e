package org.example.platform.error;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import org.springframework.lang.Nullable;

/**
 * The name a client knows a field by. Bean Validation names a field by its path through the Java objects
 * ({@code deceased.personnummer}); where a part is unwrapped in JSON ({@link JsonUnwrapped}) the client sent the
 * field at the level above ({@code personnummer}), and an error must name it so.
 */
public final class JsonFieldNames {

    private JsonFieldNames() {}

    /** The path as the client's JSON names it: the unwrapped parts at its start left out. */
    public static String of(@Nullable Class<?> type, String path) {
        var kept = new ArrayList<String>();
        var current = type;
        for (var segment : path.split("\\.")) {
            if (current != null && unwrapped(current, segment)) {
                current = fieldType(current, segment);
                continue;
            }
            kept.add(segment);
            current = null; // below the first named field, paths are kept as they are
        }
        return String.join(".", kept);
    }

    private static boolean unwrapped(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).isAnnotationPresent(JsonUnwrapped.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static @Nullable Class<?> fieldType(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).getType();
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}

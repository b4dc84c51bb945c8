package org.seamline.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partial change of a profile: what is null stays as it is.
 *
 * @param attributes        attributes to set; a null value removes the attribute
 * @param addTags           tags to add
 * @param removeTags        tags to remove
 * @param preferredChannel  a channel kind; empty clears it
 * @param preferredLanguage a BCP 47 language tag ({@code ru}, {@code pt-BR}); empty clears it
 */
public record ProfileChange(Map<String, String> attributes, List<String> addTags, List<String> removeTags,
                            String preferredChannel, String preferredLanguage) {

    public ProfileChange {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }
}

package org.seamline.core.config.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.metatype.AttributeDefinition;
import org.seamline.core.config.SettingsForm;

/** The configurable kinds of plugin instance, each with its form and the definitions that check its values. */
interface Definitions {

    /** A form and the attribute definitions it was made of. */
    record Definition(SettingsForm form, List<AttributeDefinition> attributes) {

        Optional<AttributeDefinition> attribute(String id) {
            return attributes.stream().filter(a -> a.getID().equals(id)).findFirst();
        }
    }

    List<Definition> all(Locale locale);

    default Optional<Definition> of(String factoryPid) {
        return all(Locale.ROOT).stream().filter(d -> d.form().factoryPid().equals(factoryPid)).findFirst();
    }
}

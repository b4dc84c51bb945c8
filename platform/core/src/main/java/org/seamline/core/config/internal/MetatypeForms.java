package org.seamline.core.config.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.seamline.core.config.SettingsForm;
import org.seamline.core.plugins.PluginRegistry;

/**
 * Reads the factory configurations that plugin bundles declare in their metatype. Only plugins (bundles with the
 * {@code Seamline-Plugin} header) are offered: the platform's own settings are not changed through the console.
 */
final class MetatypeForms implements Definitions {

    private final BundleContext context;
    private final MetaTypeService metaType;

    MetatypeForms(BundleContext context, MetaTypeService metaType) {
        this.context = context;
        this.metaType = metaType;
    }

    @Override
    public List<Definitions.Definition> all(Locale locale) {
        List<Definitions.Definition> definitions = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getHeaders().get(PluginRegistry.HEADER) == null) {
                continue;
            }
            MetaTypeInformation information = metaType.getMetaTypeInformation(bundle);
            if (information == null) {
                continue;
            }
            for (String factoryPid : information.getFactoryPids()) {
                definitions.add(definition(bundle, information.getObjectClassDefinition(factoryPid, language(information, locale)),
                        factoryPid));
            }
        }
        return definitions;
    }

    /** The plugin's own translation for the locale's language, or its default labels. */
    private static String language(MetaTypeInformation information, Locale locale) {
        String[] available = information.getLocales();
        return available != null && Arrays.asList(available).contains(locale.getLanguage()) ? locale.getLanguage() : null;
    }

    private static Definitions.Definition definition(Bundle bundle, ObjectClassDefinition ocd, String factoryPid) {
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        AttributeDefinition[] required = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        Set<String> requiredIds = new HashSet<>();
        if (required != null) {
            Arrays.stream(required).forEach(a -> requiredIds.add(a.getID()));
        }
        List<AttributeDefinition> attributes = all == null ? List.of() : List.of(all);
        List<SettingsForm.Field> fields = new ArrayList<>();
        for (AttributeDefinition a : attributes) {
            String type = type(a.getType());
            List<String> defaults = a.getDefaultValue() == null || "password".equals(type) ? List.of()
                    : List.of(a.getDefaultValue());
            List<SettingsForm.Option> options = new ArrayList<>();
            if (a.getOptionValues() != null) {
                for (int i = 0; i < a.getOptionValues().length; i++) {
                    options.add(new SettingsForm.Option(a.getOptionValues()[i], a.getOptionLabels()[i]));
                }
            }
            fields.add(new SettingsForm.Field(a.getID(), a.getName(), a.getDescription(), type,
                    requiredIds.contains(a.getID()) && a.getDefaultValue() == null, a.getCardinality() != 0, defaults, options));
        }
        return new Definitions.Definition(new SettingsForm(factoryPid, bundle.getSymbolicName(), ocd.getName(), ocd.getDescription(),
                fields), attributes);
    }

    private static String type(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> "integer";
            case AttributeDefinition.LONG -> "long";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "double";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.PASSWORD -> "password";
            default -> "string";
        };
    }
}

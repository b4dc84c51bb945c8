package org.seamline.core.config.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.metatype.AttributeDefinition;
import org.seamline.core.config.InstanceSettings;
import org.seamline.core.config.SettingsException;
import org.seamline.core.config.SettingsForm;

/**
 * Turns submitted values into file properties and file properties into what may be shown. Several values of one
 * setting are stored comma-separated, as admins write them by hand, so a value of a list setting cannot hold a comma.
 */
final class SettingsValues {

    private SettingsValues() {
    }

    /**
     * The file's properties after applying {@code submitted} to {@code stored}: every submitted value is checked
     * against its definition, and every error is reported at once, per setting. Properties the form does not know
     * (written by hand) are kept.
     */
    static Map<String, String> apply(Definitions.Definition definition, Map<String, String> stored,
                                     Map<String, List<String>> submitted, boolean creating) throws SettingsException {
        Map<String, String> result = new TreeMap<>(stored);
        Map<String, String> errors = new LinkedHashMap<>();
        submitted.forEach((id, values) -> {
            Optional<AttributeDefinition> attribute = definition.attribute(id);
            if (attribute.isEmpty()) {
                errors.put(id, "not a setting of " + definition.form().name());
                return;
            }
            List<String> cleaned = values == null ? List.of()
                    : values.stream().map(v -> v == null ? "" : v.strip()).filter(v -> !v.isEmpty()).toList();
            AttributeDefinition a = attribute.get();
            if (a.getType() == AttributeDefinition.PASSWORD && cleaned.isEmpty() && stored.containsKey(id)) {
                return; // a secret sent empty keeps its value: the browser never had it
            }
            String error = check(a, cleaned);
            if (error != null) {
                errors.put(id, error);
            } else if (cleaned.isEmpty()) {
                result.remove(id);
            } else {
                result.put(id, String.join(",", cleaned));
            }
        });
        for (SettingsForm.Field field : definition.form().fields()) {
            if (field.required() && !result.containsKey(field.id()) && !errors.containsKey(field.id())) {
                errors.put(field.id(), creating ? "required" : "required: it cannot be removed");
            }
        }
        if (!errors.isEmpty()) {
            throw new SettingsException(SettingsException.Kind.INVALID, "some settings are not valid", errors);
        }
        return result;
    }

    /** What is wrong with {@code values} for {@code a}, or null. */
    private static String check(AttributeDefinition a, List<String> values) {
        if (a.getCardinality() == 0 && values.size() > 1) {
            return "takes one value";
        }
        int most = Math.abs(a.getCardinality());
        if (most > 0 && most != Integer.MAX_VALUE && values.size() > most) {
            return "takes at most " + most + " values";
        }
        for (String value : values) {
            if (a.getCardinality() != 0 && value.contains(",")) {
                return "a value of a list cannot contain a comma";
            }
            if (value.contains("\n") || value.contains("\r")) {
                return "must be on one line";
            }
            // Felix's metatype answers an empty array, not null, for an attribute without options.
            if (a.getOptionValues() != null && a.getOptionValues().length > 0
                    && !Arrays.asList(a.getOptionValues()).contains(value)) {
                return "must be one of " + String.join(", ", a.getOptionValues());
            }
            String typeError = typeError(a.getType(), value);
            if (typeError != null) {
                return typeError;
            }
            String verdict = a.validate(value);
            if (verdict != null && !verdict.isEmpty()) {
                return verdict;
            }
        }
        return null;
    }

    private static String typeError(int type, String value) {
        try {
            switch (type) {
                case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> Integer.parseInt(value);
                case AttributeDefinition.LONG -> Long.parseLong(value);
                case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> Double.parseDouble(value);
                case AttributeDefinition.BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return "must be true or false";
                    }
                }
                default -> {
                    return null;
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return type == AttributeDefinition.DOUBLE || type == AttributeDefinition.FLOAT ? "must be a number"
                    : "must be a whole number";
        }
    }

    /** What the API shows of a stored instance: its settings without the secrets' values. */
    static InstanceSettings view(Definitions.Definition definition, String name, InstanceFile.Content content) {
        Map<String, List<String>> values = new TreeMap<>();
        List<String> secretsSet = new ArrayList<>();
        for (SettingsForm.Field field : definition.form().fields()) {
            String value = content.properties().get(field.id());
            if (value == null || value.isBlank()) {
                continue;
            }
            if (field.secret()) {
                secretsSet.add(field.id());
            } else {
                values.put(field.id(), field.multiple()
                        ? Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList()
                        : List.of(value));
            }
        }
        return new InstanceSettings(definition.form().factoryPid(), name, values, Set.copyOf(secretsSet),
                content.revision());
    }
}

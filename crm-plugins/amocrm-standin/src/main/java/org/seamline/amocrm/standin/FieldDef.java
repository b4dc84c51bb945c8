package org.seamline.amocrm.standin;

import java.util.List;

/**
 * A contact custom field of the account. EMAIL and PHONE are the system multitext fields with their enum codes;
 * others an admin adds ({@code text}, {@code select}, …) and are addressed by id.
 */
record FieldDef(long id, String name, String code, String type, List<String> enumCodes) {

    boolean multitext() {
        return "multitext".equals(type);
    }
}

package org.seamline.hubspot.standin;

/** One directed association between two records, with its HUBSPOT_DEFINED type id. */
public record Association(String fromType, String fromId, String toType, String toId, int typeId) {
}

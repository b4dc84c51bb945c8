package org.seamline.amocrm.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A note on a contact's timeline. */
record Note(long id, long entityId, String noteType, ObjectNode params, long createdAt, long createdBy) {
}

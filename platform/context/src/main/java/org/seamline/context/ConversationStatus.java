package org.seamline.context;

/** Where a conversation stands; a new inbound message reopens a resolved one within the reopen window. */
public enum ConversationStatus { OPEN, PENDING, SNOOZED, RESOLVED }

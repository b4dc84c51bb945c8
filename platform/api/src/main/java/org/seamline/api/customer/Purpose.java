package org.seamline.api.customer;

/** Why a message is sent: {@link #SERVICE} answers the customer, {@link #MARKETING} needs their explicit opt-in. */
public enum Purpose { SERVICE, MARKETING }

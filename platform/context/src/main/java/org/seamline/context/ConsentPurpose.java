package org.seamline.context;

/**
 * Why a message is sent. A customer who wrote to us may be answered ({@link #SERVICE}) unless they withdrew that;
 * {@link #MARKETING} needs an explicit grant.
 */
public enum ConsentPurpose { SERVICE, MARKETING }

package org.seamline.twilio.standin;

/** How a simulated webhook is signed: correctly, with the wrong key, or not at all. */
public enum Signing { VALID, INVALID, NONE }

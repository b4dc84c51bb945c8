/**
 * What the Twilio channels (SMS, WhatsApp, Voice) share: account settings, one SDK client per channel instance that
 * makes exactly one bounded attempt per send, webhook requests checked against the public URL Twilio signed, media
 * downloads, and TwiML answers.
 */
@Version("1.0.0")
package org.seamline.channel.twilio;

import org.osgi.annotation.versioning.Version;

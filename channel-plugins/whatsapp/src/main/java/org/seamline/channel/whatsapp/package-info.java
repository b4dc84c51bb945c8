/** The WhatsApp channel through Twilio; private to its bundle. */
package org.seamline.channel.whatsapp;

package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.ActivityText;

/** The properties of each engagement type, filled from an interaction. */
final class EngagementText {

    /** HubSpot's limit for note and call bodies. */
    static final int MAX_BODY = 65_536;

    private EngagementText() {
    }

    static void fill(ObjectNode properties, String type, Activity activity) {
        boolean outbound = activity.direction() == Activity.Direction.OUTBOUND;
        switch (type) {
            case "calls" -> properties.put("hs_call_title", ActivityText.heading(activity))
                    .put("hs_call_body", limit(activity.body()))
                    .put("hs_call_direction", outbound ? "OUTBOUND" : "INBOUND").put("hs_call_status", "COMPLETED");
            case "emails" -> properties.put("hs_email_direction", outbound ? "EMAIL" : "INCOMING_EMAIL")
                    .put("hs_email_status", "SENT").put("hs_email_subject", subject(activity))
                    .put("hs_email_text", limit(activity.body()));
            case "communications" -> properties.put("hs_communication_channel_type",
                            activity.kind() == Activity.Kind.WHATSAPP ? "WHATS_APP" : "SMS")
                    .put("hs_communication_logged_from", "CRM")
                    .put("hs_communication_body", limit(html(ActivityText.heading(activity), activity.body())));
            default -> properties.put("hs_note_body", limit(html(ActivityText.heading(activity), activity.body())));
        }
    }

    private static String subject(Activity activity) {
        return activity.subject() == null || activity.subject().isBlank() ? ActivityText.heading(activity) : activity.subject().strip();
    }

    /** Note and communication bodies are rich text: the heading in bold, the text escaped, its line breaks kept. */
    private static String html(String heading, String body) {
        return "<p><strong>" + escape(heading) + "</strong></p><p>" + escape(body).replace("\n", "<br>") + "</p>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String limit(String text) {
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY);
    }
}

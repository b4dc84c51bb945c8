package org.seamline.crm.amocrm;

import java.util.regex.Pattern;
import org.seamline.api.crm.Activity;

/**
 * The text of a note: a heading (channel, direction, author, subject), the body, and a last line naming the
 * interaction, by which a retry finds the note it already wrote (amoCRM has no idempotency key for notes).
 */
final class NoteText {

    static final String MARKER = "Seamline ID: ";
    private static final Pattern LINES = Pattern.compile("\\r?\\n");

    private NoteText() {
    }

    static String of(Activity activity) {
        StringBuilder text = new StringBuilder(heading(activity));
        if (!activity.body().isBlank()) {
            text.append("\n\n").append(activity.body().strip());
        }
        return text.append("\n\n").append(MARKER).append(activity.interactionId()).toString();
    }

    static String heading(Activity activity) {
        String direction = switch (activity.direction()) {
            case INBOUND -> " from the customer";
            case OUTBOUND -> " to the customer";
            case INTERNAL -> ", internal";
        };
        StringBuilder heading = new StringBuilder(label(activity.kind())).append(direction);
        if (activity.author() != null && !activity.author().isBlank()) {
            heading.append(" (").append(activity.author().strip()).append(')');
        }
        if (activity.subject() != null && !activity.subject().isBlank()) {
            heading.append(": ").append(activity.subject().strip());
        }
        return heading.toString();
    }

    /** Whether the text's last line names the interaction: only the last, so a quoted marker never counts. */
    static boolean marks(String text, String interactionId) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String[] lines = LINES.split(text.strip());
        return lines[lines.length - 1].strip().equals(MARKER + interactionId);
    }

    private static String label(Activity.Kind kind) {
        return switch (kind) {
            case EMAIL -> "E-mail";
            case SMS -> "SMS";
            case WHATSAPP -> "WhatsApp";
            case CALL -> "Call";
            case CHAT -> "Chat";
            case NOTE -> "Note";
        };
    }
}

package org.seamline.crm.bitrix24;

import java.util.regex.Pattern;
import org.seamline.api.crm.Activity;

/**
 * The text of a timeline record: a heading (channel, direction, author, subject), the body, and a last line naming
 * the interaction, by which a retry finds the comment it already wrote.
 */
final class CommentText {

    private static final Pattern LINES = Pattern.compile("\\r?\\n|<br\\s*/?>");

    private CommentText() {
    }

    static String of(Activity activity) {
        StringBuilder text = new StringBuilder(heading(activity));
        if (!activity.body().isBlank()) {
            text.append("\n\n").append(activity.body().strip());
        }
        return text.append("\n\n").append(Timeline.MARKER).append(activity.interactionId()).toString();
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

    /**
     * Whether the comment's last line names the interaction. Only the last: a customer's text quoting such a line
     * must not pass for the record of another interaction.
     */
    static boolean marks(String comment, String interactionId) {
        String[] lines = LINES.split(comment.strip());
        return lines[lines.length - 1].strip().equals(Timeline.MARKER + interactionId);
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

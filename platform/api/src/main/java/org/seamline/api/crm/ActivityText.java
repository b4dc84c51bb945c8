package org.seamline.api.crm;

import java.util.regex.Pattern;

/**
 * How Seamline writes an activity into a CRM's free text, the same in every connector: a heading (channel,
 * direction, author, subject), the body, and a last line naming the interaction. A CRM without an idempotency key
 * finds the record of an earlier try by that last line, so a retry after a lost answer writes nothing twice. Since
 * 2.1.
 */
public final class ActivityText {

    /** Starts the last line of a record: {@code Seamline ID: <interaction id>}. */
    public static final String MARKER = "Seamline ID: ";
    /** Line breaks as CRMs give the text back: plain, or the HTML some of them turn it into. */
    private static final Pattern LINES = Pattern.compile("\\r?\\n|<br\\s*/?>");

    private ActivityText() {
    }

    /** The heading, the body and the marker line, separated by blank lines. */
    public static String of(Activity activity) {
        StringBuilder text = new StringBuilder(heading(activity));
        if (!activity.body().isBlank()) {
            text.append("\n\n").append(activity.body().strip());
        }
        return text.append("\n\n").append(MARKER).append(activity.interactionId()).toString();
    }

    /** {@code WhatsApp from the customer: Order 42}, {@code E-mail to the customer (olga)}, {@code Note, internal}. */
    public static String heading(Activity activity) {
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
     * Whether the text's last line names the interaction. Only the last: a customer's message quoting such a line must
     * not pass for the record of another interaction.
     */
    public static boolean marks(String text, String interactionId) {
        return lastLine(text).equals(MARKER + interactionId);
    }

    /** The interaction a text's last line names, or null when it names none. */
    public static String interactionOf(String text) {
        String last = lastLine(text);
        return last.startsWith(MARKER) ? last.substring(MARKER.length()).strip() : null;
    }

    /** The text's last line, stripped; empty for no text. */
    private static String lastLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String[] lines = LINES.split(text.strip());
        return lines[lines.length - 1].strip();
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

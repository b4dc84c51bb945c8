package org.seamline.channel.email;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation travels in every mail we send, twice: in our {@code Message-ID}
 * ({@code <c.<conversation>.<outbound message id>@domain>}) that a reply quotes in In-Reply-To / References and a
 * bounce returns, and in a
 * plus-addressed Reply-To ({@code support+c.<conversation>@domain}) for clients that drop those headers; where the
 * mailbox is configured so, also in the subject ({@code [ref:<conversation without dashes>]}) for customers who write
 * a new mail to the mailbox's plain address and keep the subject. The
 * platform continues a named conversation only when it belongs to the sender, so a forged token gains nothing.
 */
final class ConversationTokens {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern IN_MESSAGE_ID = Pattern.compile("^<?c\\.(" + UUID_PATTERN + ")\\.[^@]+@", Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_IN_ID = Pattern.compile("^<?(?:c\\." + UUID_PATTERN + "\\.|m\\.)([A-Za-z0-9-]{1,64})@",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_ADDRESS = Pattern.compile("\\+c\\.(" + UUID_PATTERN + ")@", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_SUBJECT = Pattern.compile("\\s*\\[ref:([0-9a-f]{32})]", Pattern.CASE_INSENSITIVE);

    private ConversationTokens() {
    }

    /**
     * Our Message-ID for an outbound message: the same for every attempt at sending it, so a receiving server can
     * drop a repeat, and naming the platform's message so a bounce finds it.
     */
    static String messageId(String conversationId, String outboundMessageId, String domain) {
        String id = outboundMessageId.replaceAll("[^A-Za-z0-9-]", "");
        if (id.isEmpty() || id.length() > 64) {
            id = UUID.nameUUIDFromBytes(outboundMessageId.getBytes(StandardCharsets.UTF_8)).toString();
        }
        return conversationId == null ? "<m." + id + "@" + domain + ">" : "<c." + conversationId + "." + id + "@" + domain + ">";
    }

    /** The platform's outbound message id in one of our Message-IDs. */
    static Optional<String> outboundMessageId(String messageId) {
        Matcher m = MESSAGE_IN_ID.matcher(messageId.strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code support@example.com} → {@code support+c.<conversation>@example.com}. */
    static String replyTo(String mailbox, String conversationId) {
        int at = mailbox.indexOf('@');
        return mailbox.substring(0, at) + "+c." + conversationId + mailbox.substring(at);
    }

    /** The first conversation named by our Message-IDs, nearest ancestor first. */
    static Optional<String> fromMessageIds(List<String> idsNearestFirst) {
        for (String id : idsNearestFirst) {
            Matcher m = IN_MESSAGE_ID.matcher(id.strip());
            if (m.find()) {
                return Optional.of(m.group(1).toLowerCase());
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromAddresses(List<String> addresses) {
        for (String address : addresses) {
            Matcher m = IN_ADDRESS.matcher(address);
            if (m.find()) {
                return Optional.of(m.group(1).toLowerCase());
            }
        }
        return Optional.empty();
    }

    /** {@code [ref:<32 hex digits>]}: the conversation, short enough to survive in a subject line. */
    static String subjectToken(String conversationId) {
        return "[ref:" + conversationId.replace("-", "").toLowerCase() + "]";
    }

    /** The conversation of the last token in a subject. */
    static Optional<String> fromSubject(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = IN_SUBJECT.matcher(subject);
        String hex = null;
        while (m.find()) {
            hex = m.group(1).toLowerCase();
        }
        return hex == null ? Optional.empty() : Optional.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    static String withoutSubjectTokens(String subject) {
        return IN_SUBJECT.matcher(subject).replaceAll("").strip();
    }
}

package org.seamline.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * Reads a delivery status notification (RFC 3464, {@code multipart/report; report-type=delivery-status}) with Angus
 * {@code dsn}: which of our mails it is about (its Message-ID, from the returned headers) and what happened. A bounce
 * is never a customer's message; it only changes the status of the mail it reports on.
 */
final class BounceReader {

    /** What a report says about one of our mails. */
    record Bounce(String originalMessageId, org.seamline.api.message.DeliveryStatus status, String detail) {
    }

    private BounceReader() {
    }

    static boolean isDeliveryReport(MimeMessage mail) throws MessagingException {
        if (!mail.isMimeType("multipart/report")) {
            return false;
        }
        String reportType = new ContentType(mail.getContentType()).getParameter("report-type");
        return reportType != null && reportType.equalsIgnoreCase("delivery-status");
    }

    /** Empty when the report names no mail or only a delay (the server keeps trying). */
    static Optional<Bounce> read(MimeMessage mail) throws MessagingException, IOException {
        Multipart parts = (Multipart) mail.getContent();
        DeliveryStatus status = null;
        String originalId = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                try (InputStream in = part.getInputStream()) {
                    status = new DeliveryStatus(in);
                }
            } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
                try (InputStream in = part.getInputStream()) {
                    originalId = new InternetHeaders(in).getHeader("Message-ID", null);
                }
            }
        }
        if (status == null || originalId == null || status.getRecipientDSNCount() == 0) {
            return Optional.empty();
        }
        InternetHeaders recipient = status.getRecipientDSN(0);
        String action = header(recipient, "Action").toLowerCase(Locale.ROOT);
        String code = header(recipient, "Status");
        String detail = (header(recipient, "Final-Recipient") + " " + code + " " + header(recipient, "Diagnostic-Code")).strip();
        return switch (action) {
            // 5.x.x: the address cannot receive (the platform stops using it); 4.x.x: this mail failed, the address may not.
            case "failed" -> Optional.of(code.startsWith("5")
                    ? new Bounce(originalId.strip(), org.seamline.api.message.DeliveryStatus.UNDELIVERED, "hard bounce: " + detail)
                    : new Bounce(originalId.strip(), org.seamline.api.message.DeliveryStatus.FAILED, "soft bounce: " + detail));
            case "delivered", "relayed", "expanded" -> Optional.of(new Bounce(originalId.strip(),
                    org.seamline.api.message.DeliveryStatus.DELIVERED, detail));
            default -> Optional.empty();
        };
    }

    private static String header(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? "" : value.strip();
    }
}

package org.seamline.channel.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * Reads a delivery status notification (RFC 3464, {@code multipart/report; report-type=delivery-status}) with Angus
 * {@code dsn}: which of our mails it is about (its Message-ID, from the returned headers) and what happened. A bounce
 * is never a customer's message; it only changes the status of the mail it reports on.
 */
final class BounceReader {

    /** What a report says about one of our mails; a report of a delay, or about no mail, says nothing. */
    record Bounce(String originalMessageId, org.seamline.api.message.DeliveryStatus status, String detail) {
        static final Bounce NOTHING = new Bounce(null, null, null);
    }

    /** An RFC 3463 enhanced status code as plain-text bounces quote it ("#5.1.1", "550 5.1.1 user unknown"). */
    private static final Pattern STATUS_CODE = Pattern.compile("(?<![\\d.])([245])\\.\\d{1,3}\\.\\d{1,3}(?![\\d.])");
    private static final Pattern MAIL_SYSTEM = Pattern.compile("(mailer-daemon|postmaster)@.*", Pattern.CASE_INSENSITIVE);

    private BounceReader() {
    }

    /** Empty when the mail is no bounce. A mail whose headers are too broken to tell is unreadable. */
    static Optional<Bounce> of(EmailReader.Fetched fetched, String ourDomain) throws UnreadableMailException {
        try {
            if (isDeliveryReport(fetched.mail())) {
                return Optional.of(read(fetched.mail()).orElse(Bounce.NOTHING));
            }
            Optional<Bounce> plain = readPlain(fetched.mail(), fetched.raw(), ourDomain);
            // Mail from the empty address is the mail system's; there is no sender to store it under.
            return plain.isEmpty() && AutomaticMail.fromEmptyAddress(fetched.mail()) ? Optional.of(Bounce.NOTHING) : plain;
        } catch (MessagingException | IOException e) {
            throw new UnreadableMailException("unreadable mail: " + e.getMessage(), e);
        }
    }

    private static boolean isDeliveryReport(MimeMessage mail) throws MessagingException {
        ContentType type = EmailReader.contentType(mail);
        if (!type.match("multipart/report")) {
            return false;
        }
        String reportType = type.getParameter("report-type");
        return reportType != null && reportType.equalsIgnoreCase("delivery-status");
    }

    /** Empty when the report names no mail or only a delay (the server keeps trying). */
    private static Optional<Bounce> read(MimeMessage mail) throws MessagingException, IOException {
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

    /**
     * A bounce in plain words, without a delivery-status part (qmail, older Exim and Exchange): mail from the mail
     * system (a {@code mailer-daemon}/{@code postmaster} sender, or a null Return-Path with a bounce subject) whose
     * body quotes one of our Message-IDs. Its first enhanced status code decides: {@code 5.x.x} is a hard bounce;
     * without one the mail failed, but the address is not judged. Out-of-office mail, which also answers our
     * Message-ID, is neither from the mail system nor titled so, and stays a customer's (automatic) message.
     */
    private static Optional<Bounce> readPlain(MimeMessage mail, byte[] raw, String ourDomain) throws MessagingException {
        if (!fromMailSystem(mail)) {
            return Optional.empty();
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int body = text.indexOf("\r\n\r\n");
        text = body < 0 ? "" : text.substring(body);
        Matcher ours = Pattern.compile("<(?:c\\.[0-9a-f-]{36}\\.|m\\.)[A-Za-z0-9-]{1,64}@" + Pattern.quote(ourDomain) + ">",
                Pattern.CASE_INSENSITIVE).matcher(text);
        if (!ours.find()) {
            return Optional.empty();
        }
        Matcher code = STATUS_CODE.matcher(text);
        String found = code.find() ? code.group() : null;
        if (found != null && found.startsWith("5")) {
            return Optional.of(new Bounce(ours.group(), org.seamline.api.message.DeliveryStatus.UNDELIVERED, "hard bounce: " + found));
        }
        return Optional.of(new Bounce(ours.group(), org.seamline.api.message.DeliveryStatus.FAILED,
                found == null ? "bounce without a status code" : "soft bounce: " + found));
    }

    private static boolean fromMailSystem(MimeMessage mail) throws MessagingException {
        if (AutomaticMail.fromEmptyAddress(mail)) {
            return true; // "Mail Delivery System <>": checked before the address is parsed, which refuses it
        }
        Address[] from;
        try {
            from = mail.getFrom();
        } catch (AddressException e) {
            return false; // the reader refuses it for that
        }
        if (from != null && from.length == 1 && from[0] instanceof InternetAddress sender
                && MAIL_SYSTEM.matcher(sender.getAddress()).matches()) {
            return true;
        }
        String returnPath = mail.getHeader("Return-Path", null);
        String subject = mail.getSubject();
        return returnPath != null && returnPath.replaceAll("\\s", "").equals("<>") && subject != null
                && AutomaticMail.BOUNCE_SUBJECT.matcher(subject).matches();
    }

    private static String header(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? "" : value.strip();
    }
}

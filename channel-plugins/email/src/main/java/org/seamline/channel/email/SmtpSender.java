package org.seamline.channel.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jsoup.nodes.Entities;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a reply over SMTP, threaded: our own Message-ID carrying the conversation, In-Reply-To and References naming
 * the customer's mail and its thread, a subject token, a plus-addressed Reply-To as a fallback token, our loop marker, and
 * {@code X-Auto-Response-Suppress} so Exchange sends no out-of-office back. Text and HTML parts.
 */
final class SmtpSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);

    private final String instance;
    private final AttachmentStore files;
    private volatile String failing;

    SmtpSender(String instance, AttachmentStore files) {
        this.instance = instance;
        this.files = files;
    }

    SendResult send(MailboxSettings settings, OutboundMessage message) throws SendException {
        Session session = MailSessions.smtp(settings);
        try {
            MimeMessage mail = compose(session, settings, message);
            try (Transport transport = session.getTransport(MailSessions.smtpProtocol(settings))) {
                transport.connect(settings.smtp().host(), settings.smtp().port(), settings.username(), settings.password());
                transport.sendMessage(mail, mail.getAllRecipients());
            }
            failing = null;
            return new SendResult(mail.getMessageID(), DeliveryStatus.SENT);
        } catch (AddressException e) {
            throw new SendException("the recipient's address is not valid", false, e);
        } catch (IngressUnavailableException e) {
            throw new SendException("the reply's files cannot be read now", true, e);
        } catch (SendFailedException e) {
            if (!retryable(e)) {
                throw new SendException("SMTP refused the message: " + e.getMessage(), false, e);
            }
            throw serverFailed("the SMTP server deferred the message", new SendException("SMTP deferred the message: " + e.getMessage(), true, e));
        } catch (AuthenticationFailedException e) {
            throw serverFailed("the SMTP login was refused", new SendException("SMTP login failed for mailbox " + instance, true, e));
        } catch (MessagingException e) {
            throw serverFailed("the SMTP server is unreachable (" + e.getClass().getSimpleName() + ")",
                    new SendException("SMTP unavailable: " + e.getMessage(), true, e));
        }
    }

    /**
     * SMTP's own verdict on a refused send: a 5xx reply (to MAIL, RCPT or DATA) is final, a 4xx one means "try again
     * later"; without a reply code, a rejected recipient is final and anything else is worth another try.
     */
    static boolean retryable(SendFailedException refused) {
        int worst = 0;
        for (Exception e = refused; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            worst = Math.max(worst, e instanceof SMTPSendFailedException s ? s.getReturnCode()
                    : e instanceof SMTPAddressFailedException a ? a.getReturnCode() : 0);
        }
        if (worst > 0) {
            return worst < 500;
        }
        return refused.getInvalidAddresses() == null || refused.getInvalidAddresses().length == 0;
    }

    /**
     * Why the latest attempt to reach the SMTP server failed, until one succeeds: the mailbox is degraded meanwhile,
     * so a server that is down shows at once and not when the platform gives a reply up.
     */
    Optional<String> failing() {
        return Optional.ofNullable(failing);
    }

    /** One warning per failed attempt, naming no recipient and no text (the exception's message may name both). */
    private SendException serverFailed(String reason, SendException failure) {
        failing = reason;
        LOG.warn("Email {}: sending a reply failed, the platform will try again: {}", instance, reason);
        return failure;
    }

    private MimeMessage compose(Session session, MailboxSettings settings, OutboundMessage message)
            throws MessagingException, IngressUnavailableException, SendException {
        String to = message.to().identifiers().stream().filter(i -> i.type().equals("email")).map(Identifier::value)
                .findFirst().orElseThrow(() -> new AddressException("the recipient has no email address"));
        String messageId = ConversationTokens.messageId(message.conversationId(), message.id(), settings.domain());
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // ours, so replies name the conversation
            }
        };
        mail.setFrom(settings.address());
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        if (message.conversationId() != null) {
            mail.setReplyTo(new InternetAddress[] {
                    new InternetAddress(ConversationTokens.replyTo(settings.address().getAddress(), message.conversationId()))});
        }
        String subject = subject(message.metadata().get(MessageMetadata.SUBJECT));
        if (settings.subjectToken() && message.conversationId() != null) {
            subject = subject + " " + ConversationTokens.subjectToken(message.conversationId());
        }
        mail.setSubject(subject, "UTF-8");
        String inReplyTo = message.metadata().get(MessageMetadata.IN_REPLY_TO);
        if (inReplyTo != null && inReplyTo.startsWith("<")) {
            mail.setHeader("In-Reply-To", inReplyTo);
            mail.setHeader("References", references(inReplyTo, message.metadata().get(MessageMetadata.REFERENCES)));
        }
        mail.setHeader(AutomaticMail.LOOP_HEADER, settings.address().getAddress());
        mail.setHeader("X-Auto-Response-Suppress", "All");
        if (Boolean.parseBoolean(message.metadata().get(MessageMetadata.AUTOMATIC))) {
            mail.setHeader("Auto-Submitted", "auto-replied");
        }
        mail.setSentDate(new Date());
        String text = message.text() == null ? "" : message.text();
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><body><div style=\"white-space: pre-wrap\">" + Entities.escape(text) + "</div></body></html>",
                "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        if (message.attachments().isEmpty()) {
            mail.setContent(alternative);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeMultipart mixed = new MimeMultipart("mixed", body);
            for (Attachment attachment : message.attachments()) {
                mixed.addBodyPart(filePart(attachment));
            }
            mail.setContent(mixed);
        }
        mail.saveChanges();
        return mail;
    }

    /** A file of the reply as an attachment part; a file that is gone (erased) fails the reply for good. */
    private MimeBodyPart filePart(Attachment attachment) throws MessagingException, IngressUnavailableException, SendException {
        byte[] content = files.read(attachment.url()).orElseThrow(() -> new SendException(
                "the reply's file " + attachment.name() + " is no longer stored", false));
        MimeBodyPart part = new MimeBodyPart();
        String type = attachment.contentType() == null ? "application/octet-stream" : attachment.contentType();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(attachment.name() == null ? "attachment" : attachment.name()); // RFC 2231-encoded when not ASCII
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }

    /** Ids kept in References: the thread's root and the nearest ones, as RFC 5322 suggests when trimming. */
    private static final int MAX_REFERENCES = 20;

    /**
     * The answered mail's own References (oldest first), then its Message-ID: the whole chain, so clients that thread
     * by References keep the reply under the thread's root.
     */
    static String references(String inReplyTo, String answeredReferencesNearestFirst) {
        List<String> chain = new ArrayList<>();
        if (answeredReferencesNearestFirst != null) {
            for (String id : answeredReferencesNearestFirst.strip().split("\\s+")) {
                if (id.startsWith("<") && id.endsWith(">") && !id.equals(inReplyTo)) {
                    chain.add(0, id);
                }
            }
        }
        chain = new ArrayList<>(chain.stream().distinct().toList());
        chain.add(inReplyTo);
        if (chain.size() > MAX_REFERENCES) {
            List<String> trimmed = new ArrayList<>(chain.subList(chain.size() - (MAX_REFERENCES - 1), chain.size()));
            trimmed.add(0, chain.get(0));
            chain = trimmed;
        }
        return String.join(" ", chain);
    }

    /** The reply prefixes clients put before a subject, each language's own, repeated and numbered ("Re[2]:"). */
    private static final Pattern REPLY_PREFIXES = Pattern.compile(
            "^\\s*((re|aw|sv|vs|antw|odp|ynt|ответ|отв)\\s*(\\[\\d+]|\\(\\d+\\)|\\^\\d+)?\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Exactly one "Re: ", whatever chain of prefixes the customer's clients added; our old subject tokens removed. */
    static String subject(String original) {
        String stripped = original == null ? "" : ConversationTokens.withoutSubjectTokens(original);
        String topic = REPLY_PREFIXES.matcher(stripped).replaceFirst("").strip();
        return "Re: " + (topic.isEmpty() ? "your message" : topic);
    }
}

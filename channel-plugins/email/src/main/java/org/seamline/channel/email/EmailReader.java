package org.seamline.channel.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.Party;

/**
 * Turns a received mail into an {@link InboundMessage}: the sender strictly parsed, the visible reply as text (the
 * full body kept in metadata), threading hints and whether a machine wrote it. The provider message id is the
 * {@code Message-ID}, so the platform stores each mail once however often it is fetched (a crash between storing
 * and moving, a UIDVALIDITY change); mail without one is keyed by a hash of its raw bytes.
 */
final class EmailReader {

    static final String CHANNEL = "email";
    /** Nested parts deeper than this are not read: a MIME bomb is refused, not unpacked. */
    private static final int MAX_DEPTH = 10;
    private static final int MAX_PARTS = 200;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern RFC2231_NAME = Pattern.compile("(?i)name\\*(\\d+\\*?)?\\s*=");

    private final String instance;
    private final MailboxSettings settings;
    private final AttachmentStore attachments;

    EmailReader(String instance, MailboxSettings settings, AttachmentStore attachments) {
        this.instance = instance;
        this.settings = settings;
        this.attachments = attachments;
    }

    /** A mail fetched once, whole: its raw bytes and a parsed copy that answers without asking the server again. */
    record Fetched(byte[] raw, MimeMessage mail) {
    }

    /**
     * One FETCH of the whole mail, bounded by {@code maxMessageBytes}. A lost connection is thrown as it is (the
     * poll ends, the mail waits); anything else the server or parser says about this mail makes it unreadable.
     */
    Fetched fetch(MimeMessage remote) throws UnreadableMailException, MessagingException {
        try {
            byte[] raw = raw(remote);
            return new Fetched(raw, new MimeMessage(null, new ByteArrayInputStream(raw)));
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException | IOException e) {
            throw new UnreadableMailException("mail cannot be fetched: " + e.getMessage(), e);
        }
    }

    InboundMessage read(Fetched fetched) throws UnreadableMailException, IngressUnavailableException {
        MimeMessage mail = fetched.mail();
        byte[] raw = fetched.raw();
        try {
            InternetAddress sender = sender(mail);
            Bodies bodies = new Bodies();
            collect(mail, bodies, 0);
            String full = bodies.plain != null ? bodies.plain : bodies.html != null ? ReplyText.fromHtml(bodies.html, false) : null;
            String visible = bodies.plain != null ? ReplyText.visible(bodies.plain)
                    : bodies.html != null ? ReplyText.visible(ReplyText.fromHtml(bodies.html, true)) : null;

            Map<String, String> metadata = new LinkedHashMap<>();
            String messageId = mail.getMessageID();
            String charset = contentType(mail).getParameter("charset");
            String subject = HeaderText.decode(mail.getHeader("Subject", null), charset);
            put(metadata, MessageMetadata.SUBJECT, subject);
            put(metadata, "messageId", messageId);
            String rawSha256 = sha256(raw, 0);
            put(metadata, "contentSha256", rawSha256);
            put(metadata, MessageMetadata.FINGERPRINT, sha256(raw, bodyStart(raw)));
            put(metadata, "fullText", full != null && !full.equals(visible) ? full : null);
            List<String> ancestors = ancestorsNearestFirst(mail);
            put(metadata, MessageMetadata.THREAD, ancestors.isEmpty() ? messageId : ancestors.get(ancestors.size() - 1));
            put(metadata, MessageMetadata.REFERENCES, ancestors.isEmpty() ? null : String.join(" ", ancestors));
            Optional<String> conversation = ConversationTokens.fromMessageIds(ancestors);
            if (conversation.isEmpty()) {
                conversation = ConversationTokens.fromAddresses(recipients(mail));
            }
            if (conversation.isEmpty()) {
                conversation = ConversationTokens.fromSubject(subject);
            }
            conversation.ifPresent(id -> metadata.put(MessageMetadata.CONVERSATION, id));
            Optional<String> automatic = AutomaticMail.reason(mail, sender.getAddress(), subject);
            if (automatic.isPresent()) {
                metadata.put(MessageMetadata.AUTOMATIC, "true");
                metadata.put("automaticReason", automatic.get());
            }
            List<Attachment> files = store(bodies.files, metadata);
            String providerId = messageId != null && !messageId.isBlank() ? messageId.strip() : "sha256:" + rawSha256;
            return new InboundMessage(CHANNEL, instance, providerId,
                    new Party(personal(sender, charset), List.of(new Identifier("email", sender.getAddress()))),
                    visible, files, mail.getSentDate() == null ? null : mail.getSentDate().toInstant(), null, metadata);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMailException("unreadable mail: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores the mail's files (only once the whole mail was read, so a refused mail stores nothing). A file larger than
     * {@code maxAttachmentBytes} is left out and named in the metadata ({@code attachmentsLeftOut}).
     */
    private List<Attachment> store(List<Part> parts, Map<String, String> metadata)
            throws MessagingException, IOException, IngressUnavailableException {
        List<Attachment> stored = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Part part : parts) {
            ContentType contentType = contentType(part);
            String name = fileName(part, contentType);
            Optional<byte[]> decoded = decoded(part);
            if (decoded.isEmpty()) { // broken base64, a gateway's "[Attachment removed]": the rest of the mail is fine
                leftOut.add((name == null ? "unnamed" : name) + " (its content cannot be decoded)");
                continue;
            }
            byte[] content = decoded.get();
            if (content.length > settings.maxAttachmentBytes()) {
                leftOut.add((name == null ? "unnamed" : name) + " (larger than " + settings.maxAttachmentBytes() + " bytes)");
                continue;
            }
            String type = contentType.getBaseType();
            stored.add(attachments.store(CHANNEL, instance, name, type, content));
        }
        if (!leftOut.isEmpty()) {
            metadata.put("attachmentsLeftOut", String.join("; ", leftOut));
        }
        return stored;
    }

    /** A file's content, up to one byte more than {@code maxAttachmentBytes}; empty when its encoding is broken. */
    private Optional<byte[]> decoded(Part part) throws MessagingException {
        try (InputStream in = part.getInputStream()) {
            byte[] content = in.readNBytes(settings.maxAttachmentBytes() + 1);
            return mangledBase64(part) ? Optional.empty() : Optional.of(content);
        } catch (IOException e) { // the decoder's verdict: missing padding, a cut-off stream
            return Optional.empty();
        }
    }

    /**
     * Base64 holding characters outside its alphabet is not a file but what a gateway wrote in its place
     * ("[Attachment removed]"); the decoder would skip those characters and store garbage.
     */
    private static boolean mangledBase64(Part part) throws MessagingException, IOException {
        if (!(part instanceof MimeBodyPart mime) || !"base64".equalsIgnoreCase(mime.getEncoding())) {
            return false;
        }
        try (InputStream raw = mime.getRawInputStream()) {
            for (int b = raw.read(); b >= 0; b = raw.read()) {
                boolean alphabet = b < 0x80 && Character.isLetterOrDigit(b) || b == '+' || b == '/' || b == '=';
                if (!alphabet && !Character.isWhitespace(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private byte[] raw(MimeMessage mail) throws MessagingException, IOException, UnreadableMailException {
        int size = mail.getSize();
        if (size > settings.maxMessageBytes()) {
            throw new UnreadableMailException("mail of " + size + " bytes is larger than maxMessageBytes " + settings.maxMessageBytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
        mail.writeTo(out);
        if (out.size() > settings.maxMessageBytes()) {
            throw new UnreadableMailException("mail of " + out.size() + " bytes is larger than maxMessageBytes");
        }
        return out.toByteArray();
    }

    /** From (or Sender when From is missing), parsed strictly: one address with a domain. */
    private static InternetAddress sender(MimeMessage mail) throws MessagingException, UnreadableMailException {
        String[] from = mail.getHeader("From");
        String raw = from != null && from.length > 0 ? from[0] : mail.getHeader("Sender", null);
        if (raw == null) {
            throw new UnreadableMailException("mail has no From header");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(raw, true);
            if (parsed.length != 1 || parsed[0].getAddress() == null || parsed[0].getAddress().indexOf('@') < 1) {
                throw new UnreadableMailException("From must name exactly one address: " + raw.length() + " characters");
            }
            return parsed[0];
        } catch (AddressException e) {
            throw new UnreadableMailException("From is not a valid address", e);
        }
    }

    /**
     * The display name, decoded by {@link HeaderText}: {@code getPersonal()} would decode each encoded word alone and
     * leave raw UTF-8 as Latin-1. The undecoded name is what {@code toString()} writes before the address, quoted
     * when it holds specials.
     */
    private static String personal(InternetAddress sender, String charset) {
        if (sender.getPersonal() == null) {
            return null;
        }
        String written = sender.toString();
        String phrase = written.substring(0, written.lastIndexOf(" <")).strip();
        if (phrase.length() > 1 && phrase.startsWith("\"") && phrase.endsWith("\"")) {
            phrase = phrase.substring(1, phrase.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        String name = HeaderText.decode(phrase, charset);
        return name.isBlank() ? null : name.strip();
    }

    /**
     * A part's Content-Type; one that cannot be parsed is {@code text/plain}, as RFC 2045 §5.2 says, so a mail with a
     * broken header is read as text instead of set aside.
     */
    static ContentType contentType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType());
        } catch (ParseException e) {
            return new ContentType("text", "plain", null);
        }
    }

    /** In-Reply-To first, then References right to left: the nearest ancestor comes first. */
    private static List<String> ancestorsNearestFirst(MimeMessage mail) throws MessagingException {
        List<String> ids = new ArrayList<>();
        String inReplyTo = mail.getHeader("In-Reply-To", " ");
        if (inReplyTo != null) {
            ids.addAll(messageIds(inReplyTo));
        }
        String references = mail.getHeader("References", " ");
        if (references != null) {
            List<String> refs = messageIds(references);
            Collections.reverse(refs);
            ids.addAll(refs);
        }
        return ids.stream().distinct().toList();
    }

    private static List<String> messageIds(String header) {
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static List<String> recipients(MimeMessage mail) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] found = mail.getRecipients(type);
            if (found != null) {
                for (Address address : found) {
                    addresses.add(address.toString());
                }
            }
        }
        for (String header : List.of("Delivered-To", "X-Original-To")) {
            String[] values = mail.getHeader(header);
            if (values != null) {
                addresses.addAll(List.of(values));
            }
        }
        return addresses;
    }

    /**
     * A file's name: Jakarta Mail decodes RFC 2231 names ({@code filename*=}); a name written as encoded words
     * (Outlook, The Bat!, 1C) or in raw 8-bit is decoded here. A calendar part without a name (an Outlook meeting
     * request) is named so that it opens as one.
     */
    private static String fileName(Part part, ContentType type) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return type.match("text/calendar") ? "invite.ics" : null;
        }
        boolean rfc2231 = RFC2231_NAME.matcher(String.join(" ", headers(part, "Content-Disposition"))
                + " " + String.join(" ", headers(part, "Content-Type"))).find();
        return rfc2231 ? name : HeaderText.decode(name, type.getParameter("charset"));
    }

    private static String[] headers(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null ? new String[0] : values;
    }

    /** The first text/plain and text/html bodies and the file parts; depth and part count are bounded. */
    private static final class Bodies {
        String plain;
        String html;
        final List<Part> files = new ArrayList<>();
        int parts;
    }

    private static void collect(Part part, Bodies bodies, int depth) throws MessagingException, IOException, UnreadableMailException {
        if (depth > MAX_DEPTH || ++bodies.parts > MAX_PARTS) {
            throw new UnreadableMailException("mail nests more than " + MAX_DEPTH + " levels or " + MAX_PARTS + " parts");
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        ContentType type = contentType(part);
        if (type.match("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies, depth + 1);
            }
        } else if (attachment) {
            bodies.files.add(part);
        } else if (type.match("text/plain") || type.match("text/html")) {
            if (type.match("text/plain") && bodies.plain == null) {
                bodies.plain = text(part, type);
            } else if (type.match("text/html") && bodies.html == null) {
                bodies.html = text(part, type);
            }
        } else {
            bodies.files.add(part); // images, documents, and text that is no body: a calendar invitation, a vCard
        }
    }

    /** Jakarta Mail decodes the transfer encoding; the charset is resolved by {@link MailCharsets#decodeBody}. */
    private static String text(Part part, ContentType type) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return MailCharsets.decodeBody(in.readAllBytes(), type.getParameter("charset"));
        }
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value);
        }
    }

    /**
     * Where the body starts, after the header: what a second delivery of the same mail repeats byte for byte (only
     * the transport headers differ), and what a different mail reusing a Message-ID does not.
     */
    private static int bodyStart(byte[] raw) {
        for (int i = 0; i + 3 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                return i + 4;
            }
        }
        return 0;
    }

    /** The SHA-256 of {@code raw} from {@code from} on, without copying it. */
    private static String sha256(byte[] raw, int from) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(raw, from, raw.length - from);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

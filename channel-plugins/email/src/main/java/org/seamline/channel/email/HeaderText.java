package org.seamline.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a header value the way Thunderbird and Gmail do, which Jakarta Mail's static {@code MimeUtility} does not:
 * <ul>
 *   <li>adjacent RFC 2047 encoded words of one charset are joined at byte level before decoding, so a character that
 *   a mailer cut in two across words comes out whole;</li>
 *   <li>encoded words are decoded anywhere (also inside a word or a quoted string, as Outlook writes file names); one
 *   that cannot be decoded (unknown charset, broken base64) stays as it was;</li>
 *   <li>raw 8-bit bytes (RFC 6532) are read as UTF-8 when they are valid UTF-8, else in the charset the mail or part
 *   declares, else windows-1251 ({@link MailCharsets#decodeUnsure}).</li>
 * </ul>
 * The value comes as Jakarta Mail keeps it when the session does not allow UTF-8: one char per raw byte (ISO-8859-1),
 * so the bytes are recovered exactly.
 */
final class HeaderText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private HeaderText() {
    }

    /** The readable text of a raw header value; {@code declaredCharset} (may be null) is tried for raw 8-bit bytes. */
    static String decode(String raw, String declaredCharset) {
        if (raw == null) {
            return null;
        }
        String value = FOLD.matcher(raw).replaceAll("");
        StringBuilder text = new StringBuilder();
        Matcher word = ENCODED_WORD.matcher(value);
        int at = 0;
        Run run = null; // decoded encoded words not yet turned into text
        while (word.find()) {
            String between = value.substring(at, word.start());
            Optional<Charset> charset = MailCharsets.resolve(word.group(1));
            Optional<byte[]> bytes = charset.flatMap(c -> bytes(word.group(2), word.group(3)));
            // Whitespace between two encoded words is not text (RFC 2047 §6.2).
            if (!(run != null && between.isBlank() && bytes.isPresent())) {
                run = flush(run, text);
                text.append(raw8bit(between, declaredCharset));
            }
            if (bytes.isPresent()) {
                if (run != null && !run.charset.equals(charset.get())) {
                    run = flush(run, text);
                }
                if (run == null) {
                    run = new Run(charset.get());
                }
                run.bytes.writeBytes(bytes.get());
            } else {
                run = flush(run, text);
                text.append(word.group()); // undecodable: kept as written
            }
            at = word.end();
        }
        flush(run, text);
        text.append(raw8bit(value.substring(at), declaredCharset));
        return CONTROL.matcher(text).replaceAll(" "); // an encoded CR, LF or NUL never reaches a name or a log line
    }

    private static Run flush(Run run, StringBuilder text) {
        if (run != null) {
            text.append(new String(run.bytes.toByteArray(), run.charset));
        }
        return null;
    }

    /** Encoded words being joined: the bytes of consecutive words of one charset. */
    private static final class Run {
        final Charset charset;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Run(Charset charset) {
            this.charset = charset;
        }
    }

    /** Text outside encoded words: ASCII as it is, raw bytes decoded; chars beyond one byte are already text. */
    private static String raw8bit(String segment, String declaredCharset) {
        boolean eightBit = false;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c > 0xFF) {
                return segment;
            }
            eightBit |= c > 0x7F;
        }
        return eightBit ? MailCharsets.decodeUnsure(segment.getBytes(StandardCharsets.ISO_8859_1), declaredCharset) : segment;
    }

    /** The bytes an encoded word's text stands for; empty when it is broken. Missing base64 padding is tolerated. */
    private static Optional<byte[]> bytes(String encoding, String text) {
        try {
            if (encoding.toUpperCase(Locale.ROOT).equals("B")) {
                String padded = text + "===".substring(0, (4 - text.length() % 4) % 4);
                return Optional.of(Base64.getDecoder().decode(padded));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '_') {
                    out.write(' ');
                } else if (c == '=' && i + 2 < text.length()) {
                    out.write(Integer.parseInt(text, i + 1, i + 3, 16));
                    i += 2;
                } else if (c == '=') {
                    return Optional.empty();
                } else {
                    out.write(c);
                }
            }
            return Optional.of(out.toByteArray());
        } catch (IllegalArgumentException e) { // bad base64 or hex digits
            return Optional.empty();
        }
    }
}

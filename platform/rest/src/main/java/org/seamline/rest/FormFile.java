package org.seamline.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.jvnet.mimepull.MIMEConfig;
import org.jvnet.mimepull.MIMEMessage;
import org.jvnet.mimepull.MIMEParsingException;
import org.jvnet.mimepull.MIMEPart;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.rest.errors.ApiException;

/**
 * One file part of a {@code multipart/form-data} body, streamed to disk with MIMEPull (the parser under Jersey's
 * multipart module) through a byte bound: past it the upload is refused with 413, whatever Content-Length said.
 */
final class FormFile {

    private FormFile() {
    }

    static void copy(HttpHeaders headers, InputStream body, String name, long maxBytes, Path target) throws IOException {
        MediaType type = headers.getMediaType();
        String boundary = type == null ? null : type.getParameters().get("boundary");
        if (boundary == null || boundary.isBlank()) {
            throw ApiException.badRequest("send the file as multipart/form-data with a boundary");
        }
        if (headers.getLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        MIMEConfig config = new MIMEConfig();
        config.setDir(target.getParent().toString());
        try (InputStream bounded = new Bounded(body, maxBytes)) {
            for (MIMEPart part : new MIMEMessage(bounded, boundary, config).getAttachments()) {
                try (part; InputStream content = part.readOnce()) {
                    if (isNamed(part, name)) {
                        Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
                        return;
                    }
                }
            }
        } catch (MIMEParsingException e) {
            if (e.getCause() instanceof PayloadTooLargeException) {
                throw tooLarge(maxBytes);
            }
            throw ApiException.badRequest("the body is not well-formed multipart/form-data");
        } catch (PayloadTooLargeException e) {
            throw tooLarge(maxBytes);
        }
        throw ApiException.badRequest("the form has no part named '" + name + "'");
    }

    /** {@code Content-Disposition: form-data; name="file"; filename="…"}. */
    private static boolean isNamed(MIMEPart part, String name) {
        List<String> dispositions = part.getHeader("Content-Disposition");
        if (dispositions == null) {
            return false;
        }
        for (String disposition : dispositions) {
            for (String parameter : disposition.split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("name")
                        && pair[1].strip().replace("\"", "").equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "payload_too_large", "request body is larger than " + maxBytes + " bytes");
    }

    /** Ends the upload with {@link PayloadTooLargeException} at the first byte past the bound. */
    private static final class Bounded extends FilterInputStream {

        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > max) {
                throw new PayloadTooLargeException(max);
            }
        }
    }
}

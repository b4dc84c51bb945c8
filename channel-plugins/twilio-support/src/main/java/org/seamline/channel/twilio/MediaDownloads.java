package org.seamline.channel.twilio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Fetches the files of an inbound MMS or WhatsApp message from the {@code MediaUrlN} Twilio sent. Twilio's media
 * URLs may require the account's credentials; they are sent only to the API host itself, never to the storage host
 * Twilio redirects to, nor to any other host a URL might name.
 */
public final class MediaDownloads {

    private static final int MAX_REDIRECTS = 3;

    private final TwilioAccount account;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient http;

    public MediaDownloads(TwilioAccount account, long maxBytes, Duration timeout) {
        this.account = account;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The file's bytes and type.
     *
     * @throws MediaException when it cannot be fetched now ({@link MediaException#retryable()}) or ever (too large,
     *                        not found, not an http(s) URL)
     */
    public Media fetch(String url, String declaredType) throws MediaException {
        URI next = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(next).timeout(timeout).GET();
            if (sameHost(next, account.apiBaseUrl()) || sameHost(next, TwilioAccount.TWILIO_API)) {
                String credentials = account.restUser() + ":" + account.restPassword();
                request.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<InputStream> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new MediaException("media host did not answer: " + e.getClass().getSimpleName(), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaException("interrupted", true);
            }
            int status = answer.statusCode();
            if (status >= 300 && status < 400 && answer.headers().firstValue("Location").isPresent()) {
                close(answer);
                next = next.resolve(answer.headers().firstValue("Location").get());
                continue;
            }
            if (status != 200) {
                close(answer);
                throw new MediaException("media answered HTTP " + status, status == 429 || status >= 500 || status == 404);
            }
            String type = answer.headers().firstValue("Content-Type").orElse(declaredType);
            return new Media(read(answer), type == null ? "application/octet-stream" : type);
        }
        throw new MediaException("media redirected more than " + MAX_REDIRECTS + " times", false);
    }

    private byte[] read(HttpResponse<InputStream> answer) throws MediaException {
        long declared = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            close(answer);
            throw new MediaException("media is larger than " + maxBytes + " bytes", false);
        }
        try (InputStream in = answer.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > maxBytes) {
                    throw new MediaException("media is larger than " + maxBytes + " bytes", false);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new MediaException("media download broke off: " + e.getClass().getSimpleName(), true);
        }
    }

    private static URI parse(String url) throws MediaException {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new MediaException("media URL is not an http(s) URL", false);
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && a.getScheme().equalsIgnoreCase(b.getScheme());
    }

    private static void close(HttpResponse<InputStream> answer) {
        try {
            answer.body().close();
        } catch (IOException ignored) {
            // nothing was read; the connection is dropped either way
        }
    }

    /** A fetched file. */
    public record Media(byte[] content, String contentType) {
    }

    /** A file that could not be fetched. */
    public static final class MediaException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        MediaException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        /** Whether Twilio should deliver the webhook again (we answer 503) rather than the message going in without it. */
        public boolean retryable() {
            return retryable;
        }
    }
}

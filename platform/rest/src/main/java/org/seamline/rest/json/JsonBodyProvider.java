package org.seamline.rest.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.seamline.core.http.Json;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.core.http.RequestBodies;
import org.seamline.rest.errors.ApiException;

/**
 * JSON in and out with the platform's own {@link Json} settings (ISO times, parse limits, strict UTF-8, one document
 * only). Our own reader and writer rather than Jackson's Jakarta REST provider: the body is read with a size bound
 * ({@link BodyLimit}, 413 beyond it) before Jackson sees a byte, and one bundle fewer needs to resolve.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JakartarsExtension
@JakartarsName("seamline.json")
@JakartarsMediaType(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyProvider implements MessageBodyReader<JsonNode>, MessageBodyWriter<Object> {

    /** Bodies of parameters without a {@link BodyLimit}. */
    static final int DEFAULT_LIMIT = 65_536;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return (type == JsonNode.class || type == ObjectNode.class) && isJson(mediaType);
    }

    @Override
    public JsonNode readFrom(Class<JsonNode> declared, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        Class<?> type = declared;
        int limit = limit(annotations);
        JsonNode node;
        try {
            String length = headers.getFirst("Content-Length");
            if (length != null && Long.parseLong(length.strip()) > limit) {
                throw new PayloadTooLargeException(limit);
            }
            node = Json.read(RequestBodies.read(body, limit));
        } catch (PayloadTooLargeException e) {
            throw new ApiException(413, "payload_too_large", e.getMessage());
        } catch (JacksonException e) {
            throw ApiException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Content-Length is not a number");
        }
        if (node == null || node.isMissingNode()) {
            return Json.mapper().createObjectNode(); // an empty body is an empty change
        }
        if (type == ObjectNode.class && !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return node;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !InputStream.class.isAssignableFrom(type) && type != byte[].class
                && type != String.class && !StreamingOutput.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putIfAbsent("Cache-Control", List.of("no-store"));
        Json.mapper().writeValue(new NonClosing(out), value);
    }

    private static int limit(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof BodyLimit bodyLimit) {
                return bodyLimit.value();
            }
        }
        return DEFAULT_LIMIT;
    }

    static boolean isJson(MediaType mediaType) {
        return mediaType != null && "application".equalsIgnoreCase(mediaType.getType())
                && ("json".equalsIgnoreCase(mediaType.getSubtype()) || mediaType.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    /** Jackson closes what it writes to; the container owns the response stream. */
    private static final class NonClosing extends FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

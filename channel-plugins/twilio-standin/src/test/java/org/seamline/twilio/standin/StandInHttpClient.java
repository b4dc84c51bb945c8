package org.seamline.twilio.standin;

import com.twilio.constant.EnumConstants;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.message.BasicHeader;

/**
 * The SDK's documented extension point (§C.4): sends what the SDK built for api.twilio.com to the stand-in instead,
 * with the same path, query, headers and body. The SDK's own retry logic ({@code reliableRequest}) stays in place.
 */
final class StandInHttpClient extends HttpClient {

    private final String baseUrl;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    StandInHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        URL twilioUrl = request.constructURL();
        String target = baseUrl + twilioUrl.getPath() + (twilioUrl.getQuery() == null ? "" : "?" + twilioUrl.getQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .header("User-Agent", "twilio-java/10.9.2 (standin test) java/17");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> builder.header(header.getKey(), value));
        }
        if (request.getMethod() == HttpMethod.POST) {
            boolean json = request.getContentType() == EnumConstants.ContentType.JSON;
            builder.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(json ? request.getBody() : request.encodeFormBody()));
        } else {
            builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Header[] headers = response.headers().map().entrySet().stream()
                    .flatMap(entry -> entry.getValue().stream().map(value -> new BasicHeader(entry.getKey(), value)))
                    .toArray(Header[]::new);
            return new Response(new ByteArrayInputStream(response.body()), response.statusCode(), headers);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

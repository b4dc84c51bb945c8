package org.seamline.itest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What an integrator's system does: configure an API channel instance and post signed messages to it. */
public final class ApiChannelClient {

    private final SeamlineProcess seamline;
    private final String instance;

    public ApiChannelClient(SeamlineProcess seamline, String instance) {
        this.seamline = seamline;
        this.instance = instance;
    }

    /** Writes {@code etc/org.seamline.channel.api-<instance>.cfg}, as an admin would. */
    public void configure(String... lines) throws IOException {
        Files.writeString(seamline.home.resolve("etc/org.seamline.channel.api-" + instance + ".cfg"),
                String.join("\n", lines) + "\n");
    }

    /**
     * Waits until the instance is listed UP in {@code /api/v1/plugins}: serving, without sending a message that
     * would be stored.
     */
    public void awaitServing() {
        seamline.awaitInstanceUp(instance);
    }

    public String path() {
        return "/hooks/api/" + instance + "/messages";
    }

    public HttpResponse<String> post(String body, String secret) {
        return seamline.post(path(), body, Map.of("X-Seamline-Signature", sign(body, secret)));
    }

    public static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String message(String id, String fromJson) {
        return "{\"id\":\"" + id + "\",\"from\":" + fromJson + ",\"text\":\"Hello " + id + "\"}";
    }
}

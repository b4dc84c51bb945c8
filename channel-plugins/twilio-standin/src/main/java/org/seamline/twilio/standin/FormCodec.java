package org.seamline.twilio.standin;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} in UTF-8, spaces as {@code +}, repeated keys kept. */
final class FormCodec {

    private FormCodec() {
    }

    static Map<String, List<String>> decode(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return form;
    }

    static String encode(List<Map.Entry<String, String>> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> param : params) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(param.getValue() == null ? "" : param.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static List<String> all(Map<String, List<String>> form, String name) {
        return form.getOrDefault(name, List.of());
    }
}

package org.seamline.channel.api;

import java.net.URI;
import java.net.URISyntaxException;
import org.seamline.api.plugin.PluginInstances;

/** The live, validated settings of one instance; replaced as a whole when its configuration changes. */
record ApiChannelSettings(Signature signature, URI callbackUrl, int maxBodyBytes, int callbackTimeoutMillis) {

    static ApiChannelSettings from(ApiChannelConfiguration config) {
        return new ApiChannelSettings(new Signature(PluginInstances.resolvedSecret(config.secret(), "'secret'")), callback(config.callbackUrl()),
                positive(config.maxBodyBytes(), "maxBodyBytes"), positive(config.callbackTimeoutMillis(), "callbackTimeoutMillis"));
    }

    private static URI callback(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("'callbackUrl' must be an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'callbackUrl' is not a valid URL");
        }
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("'" + name + "' must be at least 1");
        }
        return value;
    }
}

package org.seamline.console.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Which console file a request names, and how it is sent. */
final class StaticFiles {

    static final String ROOT = "console";
    private static final String INDEX = "/index.html";
    /** Vite names every built asset by its content hash, so a browser may keep it for good. */
    private static final String HASHED_ASSETS = "/assets/";
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "woff2", "font/woff2");

    private StaticFiles() {
    }

    /** The file a path below {@code /console} names: the index for the folder itself, null for {@code /console}. */
    static String resolve(String pathInfo) {
        if (pathInfo == null || pathInfo.isEmpty()) {
            return null;
        }
        return pathInfo.equals("/") ? INDEX : pathInfo;
    }

    /** Only plain names of known types: no dot segments, no hidden files, nothing the bundle keeps besides. */
    static boolean isServable(String file) {
        return SAFE_PATH.matcher(file).matches() && TYPES.containsKey(extension(file));
    }

    static String contentType(String file) {
        return TYPES.get(extension(file));
    }

    static String cacheControl(String file) {
        return file.startsWith(HASHED_ASSETS) ? "public, max-age=31536000, immutable" : "no-cache";
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

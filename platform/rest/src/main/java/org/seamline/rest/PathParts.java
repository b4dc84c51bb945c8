package org.seamline.rest;

import jakarta.servlet.http.HttpServletRequest;

/** The path below a servlet's pattern as segments: {@code /abc/merges} is {@code [abc, merges]}, none is {@code []}. */
final class PathParts {

    private PathParts() {
    }

    static String[] of(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? new String[0] : path.substring(1).split("/");
    }
}

package org.seamline.store.internal;

/**
 * File names from the outside world made harmless: no directories ({@code ../../etc/passwd} → {@code passwd}), no
 * control or reserved characters, no leading dots, at most 255 characters.
 */
final class FileNames {

    static final String FALLBACK = "attachment";

    private FileNames() {
    }

    static String sanitise(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip().replaceAll("^\\.+", "");
        if (cleaned.isEmpty()) {
            return FALLBACK;
        }
        return cleaned.length() > 255 ? cleaned.substring(cleaned.length() - 255) : cleaned;
    }
}

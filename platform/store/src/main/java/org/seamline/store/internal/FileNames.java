package org.seamline.store.internal;

/**
 * File names from the outside world made harmless: no directories ({@code ../../etc/passwd} → {@code passwd}), no
 * control, invisible (bidi, zero-width) or reserved characters, no leading dots, at most 255 characters.
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
        // Format characters (bidi overrides such as U+202E, zero-width ones) are invisible: "invoice\u202Efdp.exe"
        // shows as "invoiceexe.pdf". They go; control characters and line separators become '_'.
        String cleaned = base.replaceAll("\\p{Cf}", "").replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}<>:\"|?*]", "_").strip()
                .replaceAll("^\\.+", "");
        if (cleaned.isEmpty()) {
            return FALLBACK;
        }
        return cleaned.length() > 255 ? cleaned.substring(cleaned.length() - 255) : cleaned;
    }
}

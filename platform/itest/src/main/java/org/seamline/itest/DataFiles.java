package org.seamline.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a store's files byte by byte, as anyone with a copy of them could, looking for texts. */
public final class DataFiles {

    private DataFiles() {
    }

    /** Each text found in a file under {@code folder}, with the file it was found in. */
    public static Map<String, String> holding(Path folder, String... texts) throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1); // one char per byte
                for (String text : texts) {
                    if (bytes.contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                        found.put(text, folder.relativize(file).toString());
                    }
                }
            }
        }
        return found;
    }
}

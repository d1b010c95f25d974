package org.mpionspark.notebooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Zeppelin note ({@code .zpln}, Zeppelin 0.9 and later) read and checked the way Zeppelin needs
 * it to import: a name, a note id, and paragraphs each with an id, a text that starts with its
 * interpreter ({@code %md} or {@code %spark}), a config and settings, and results either cleared or
 * well formed. Every problem is reported at once, with the paragraph's index and id.
 */
record Notebook(Path file, String name, String id, List<Paragraph> paragraphs) {

    private static final Pattern NOTE_ID = Pattern.compile("[A-Z0-9]{9}");
    private static final Pattern PARAGRAPH_ID = Pattern.compile("(paragraph_\\d{13}_\\d+|\\d{8}-\\d{6}_\\d+)");
    private static final Set<String> INTERPRETERS = Set.of("%md", "%spark");
    private static final Set<String> RESULT_TYPES = Set.of("TEXT", "HTML", "TABLE", "IMG", "ANGULAR", "NULL");

    /** One paragraph: its interpreter ({@code %spark}) and its code without that first line. */
    record Paragraph(int index, String id, String title, String interpreter, String code) {

        boolean isSpark() {
            return interpreter.equals("%spark");
        }

        @Override
        public String toString() {
            return "paragraph " + index + " (" + id + (title.isEmpty() ? "" : ", \"" + title + "\"") + ")";
        }
    }

    /** Reads and checks {@code file}; throws {@link IllegalArgumentException} listing every problem. */
    static Notebook read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<String> problems = new ArrayList<>();
        String name = text(root, "name", problems, "the note");
        String id = text(root, "id", problems, "the note");
        if (id != null && !NOTE_ID.matcher(id).matches()) {
            problems.add("the note's id " + id + " is not 9 capitals or digits, as Zeppelin makes them");
        }
        if (id != null && !file.getFileName().toString().endsWith("_" + id + ".zpln")) {
            problems.add("the file name must end with _" + id + ".zpln (Zeppelin's NAME_ID.zpln)");
        }
        for (String field : List.of("angularObjects", "config", "info", "noteParams", "noteForms")) {
            if (!root.path(field).isObject()) {
                problems.add("the note lacks the object '" + field + "'");
            }
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode ps = root.path("paragraphs");
        if (!ps.isArray() || ps.isEmpty()) {
            problems.add("the note has no paragraphs");
        }
        for (int i = 0; i < ps.size(); i++) {
            JsonNode p = ps.get(i);
            String where = "paragraph " + i;
            String pid = text(p, "id", problems, where);
            String body = text(p, "text", problems, where);
            if (pid != null && !PARAGRAPH_ID.matcher(pid).matches()) {
                problems.add(where + ": id " + pid + " is not of Zeppelin's forms paragraph_MILLIS_N or YYYYMMDD-HHMMSS_N");
            }
            if (pid != null && !ids.add(pid)) {
                problems.add(where + ": id " + pid + " is used twice");
            }
            if (!p.path("config").isObject() || !p.path("settings").path("params").isObject()
                    || !p.path("settings").path("forms").isObject()) {
                problems.add(where + ": needs 'config' and 'settings' {params, forms} objects");
            }
            checkResults(p.path("results"), where, problems);
            if (body == null) {
                continue;
            }
            String first = body.lines().findFirst().orElse("").trim();
            if (!INTERPRETERS.contains(first)) {
                problems.add(where + ": its text must start with a line %md or %spark, not '" + first + "'");
                continue;
            }
            String code = body.substring(body.indexOf(first) + first.length());
            paragraphs.add(new Paragraph(i, pid, p.path("title").asText(""), first, code));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + " is not a note Zeppelin can import:\n  " + String.join("\n  ", problems));
        }
        return new Notebook(file, name, id, List.copyOf(paragraphs));
    }

    /** Results are cleared (absent or empty), or a code with messages of Zeppelin's types. */
    private static void checkResults(JsonNode results, String where, List<String> problems) {
        if (results.isMissingNode() || results.isNull() || results.isEmpty()) {
            return;
        }
        String code = results.path("code").asText("");
        if (!Set.of("SUCCESS", "ERROR", "INCOMPLETE").contains(code)) {
            problems.add(where + ": results.code must be SUCCESS, ERROR or INCOMPLETE, not '" + code + "'");
        }
        for (JsonNode m : results.path("msg")) {
            if (!RESULT_TYPES.contains(m.path("type").asText("")) || !m.path("data").isTextual()) {
                problems.add(where + ": a result message needs a type among " + RESULT_TYPES + " and a text 'data'");
            }
        }
    }

    private static String text(JsonNode node, String field, List<String> problems, String where) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(where + " lacks a text '" + field + "'");
            return null;
        }
        return v.asText();
    }

    /** The notes of {@code dir}, in file-name order (their numbers give the course's order). */
    static List<Path> all(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".zpln")).sorted().toList();
        }
    }
}

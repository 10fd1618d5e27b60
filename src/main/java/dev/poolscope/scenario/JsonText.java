package dev.poolscope.scenario;

import dev.poolscope.files.Fields;
import dev.poolscope.files.JsonErrors;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolscope.engine.Limits;
import java.io.IOException;

/**
 * Turns scenario text into a Jackson tree, or into problems that say where the JSON is broken.
 * A cheap streaming pass runs first: it finds syntax errors and refuses documents whose tree
 * would be huge (a million-element array), so the tree is only built for sane input.
 */
final class JsonText {
    private JsonText() {}

    /** Largest scenario, in characters or bytes: far above any real file, small enough to hold. */
    static final int MAX_CHARS = 16 * 1024 * 1024;
    /** Scenarios nest three levels deep; anything deeper is a mistake or an attack. */
    static final int MAX_DEPTH = 64;
    /** 100,000 tasks of about eight values each fit; a tree far bigger than that is refused. */
    static final int MAX_TOKENS = 2_000_000;

    // NaN and Infinity are read as numbers so that the field check can name the field they are in.
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // = JsonParser.Feature.STRICT_DUPLICATE_DETECTION
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    static ObjectNode readObject(String json, String source) throws ScenarioException {
        if (json.length() > MAX_CHARS) {
            throw Problems.single(source, "too large (" + json.length() + " characters); a scenario may be at most 16 MB ("
                    + MAX_CHARS + " characters)");
        }
        if (json.isBlank()) {
            throw Problems.single(source, "is empty; expected a JSON object such as {\"tasks\": [...]}");
        }
        JsonNode root;
        try {
            scan(json, source);
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw Problems.single(source, where(e.getLocation()) + JsonErrors.reason(e, MAX_DEPTH));
        } catch (IOException e) {
            throw Problems.single(source, "cannot read the JSON text");
        }
        if (!(root instanceof ObjectNode)) {
            throw Problems.single(source, "must be a JSON object such as {\"tasks\": [...]}, got "
                    + Fields.describe(root));
        }
        return (ObjectNode) root;
    }

    /** Streams through every token once: syntax, duplicate keys, depth, array sizes, size. */
    private static void scan(String json, String source) throws IOException, ScenarioException {
        try (JsonParser p = FACTORY.createParser(json)) {
            try {
                scan(p, source);
            } catch (JsonProcessingException e) {
                // Limit errors carry no location of their own; where the parser stands is close enough.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw Problems.single(source, where(at) + JsonErrors.reason(e, MAX_DEPTH));
            }
        }
    }

    private static void scan(JsonParser p, String source) throws IOException, ScenarioException {
        JsonToken t;
        int tokens = 0;
        boolean done = false;
        while ((t = p.nextToken()) != null) {
            if (done) {
                throw Problems.single(source, where(p.currentTokenLocation()) + "more text after the end of the JSON object");
            }
            if (++tokens > MAX_TOKENS) {
                throw Problems.single(source, "too many JSON values (more than " + MAX_TOKENS
                        + "); a scenario lists at most " + Limits.MAX_TASKS + " tasks");
            }
            JsonStreamContext ctx = p.getParsingContext();
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                ctx = ctx.getParent();
            }
            if (t != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT && ctx.inArray()
                    && ctx.getCurrentIndex() >= Limits.MAX_TASKS) {
                throw Problems.single(source, path(ctx) + ": more than " + Limits.MAX_TASKS
                        + " entries; a scenario lists at most " + Limits.MAX_TASKS + " tasks");
            }
            done = ctx.inRoot() && (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY || t.isScalarValue());
        }
    }

    static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    }

    /** "tasks" or "tasks[3].text" for the array that a context is the parsing context of. */
    private static String path(JsonStreamContext arrayCtx) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = arrayCtx.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            String part = c.inObject() ? "." + Fields.fieldName(String.valueOf(c.getCurrentName()))
                    : "[" + c.getCurrentIndex() + "]";
            sb.insert(0, part);
        }
        String path = sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
        return path.isEmpty() ? "the top-level array" : path;
    }
}

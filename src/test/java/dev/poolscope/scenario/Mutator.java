package dev.poolscope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Makes fuzz inputs from valid scenarios: half change the JSON tree (wrong values, missing and
 * unknown fields), half damage the text itself (so most become broken JSON).
 */
final class Mutator {
    private static final String NUMBER_TOKEN = "@@NUM@@";
    private static final String[] FIELDS = {"name", "kind", "ms", "n", "text", "message", "times", "exitCode",
        "timeoutMs", "count", "mode", "pool", "chunksize", "maxTasksPerChild", "initializer", "tasks", "colour", ""};
    private static final String[] KINDS = {"noop", "sleep", "spin", "square", "cube", "double", "print", "fail",
        "crash", "Sleep", " spin ", "nap", ""};
    private static final String[] MODES = {"map", "imap", "imap_unordered", "imap-unordered", "apply_async", "process",
        "MAP", "starmap", ""};
    private static final String PALETTE = "{}[],:\"\\ \n\t0123456789-+.eEabcnulltrfNI\u0000\u00e9\u2028\ud800\ud83d\ude00";

    private final Random random;
    private final List<String> seeds;
    private final List<String> numbers = Extremes.numbers();

    Mutator(Random random, List<String> seeds) {
        this.random = random;
        this.seeds = seeds;
    }

    String next() {
        String seed = seeds.get(random.nextInt(seeds.size()));
        if (random.nextBoolean()) {
            ObjectNode root = (ObjectNode) ScenarioFuzzTest.tree(seed);
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                mutate(root);
            }
            // Raw number tokens (NaN, 1e400, 01, ...) cannot live in a tree: put them in as text afterwards.
            String json = root.toString();
            while (json.contains(NUMBER_TOKEN)) {
                json = json.replaceFirst("\"" + NUMBER_TOKEN + "\"", numbers.get(random.nextInt(numbers.size())));
            }
            return json;
        }
        return damage(seed);
    }

    private void mutate(ObjectNode root) {
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(root);
        if (root.get("tasks") instanceof ArrayNode) {
            root.get("tasks").forEach(t -> {
                if (t instanceof ObjectNode) {
                    objects.add((ObjectNode) t);
                }
            });
        }
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        String field = FIELDS[random.nextInt(FIELDS.length)];
        switch (random.nextInt(8)) {
            case 0:
                target.remove(field);
                break;
            case 1:
                target.put(field, NUMBER_TOKEN);
                break;
            case 2:
                target.put("kind", KINDS[random.nextInt(KINDS.length)]);
                break;
            case 3:
                root.put("mode", MODES[random.nextInt(MODES.length)]);
                break;
            case 4:
                target.put(field, randomText());
                break;
            case 5:
                removeRandomField(target);
                break;
            case 6:
                target.put(random.nextBoolean() ? "count" : "pool", random.nextInt(5) == 0 ? 1_000_000 : random.nextInt(70));
                break;
            default:
                if (root.get("tasks") instanceof ArrayNode && random.nextBoolean()) {
                    ((ArrayNode) root.get("tasks")).add(random.nextBoolean() ? root.get("tasks").get(0) : root.deepCopy());
                } else {
                    target.putArray(field).add(random.nextInt());
                }
        }
    }

    private void removeRandomField(ObjectNode target) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = target.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        if (!names.isEmpty()) {
            target.remove(names.get(random.nextInt(names.size())));
        }
    }

    private String randomText() {
        int len = random.nextInt(10) == 0 ? 300 + random.nextInt(20_000) : random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(PALETTE.charAt(random.nextInt(PALETTE.length())));
        }
        return sb.toString();
    }

    /** Text damage: cut, drop, insert, duplicate or swap characters anywhere. */
    private String damage(String seed) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(5)) {
                case 0:
                    sb.setLength(at);
                    break;
                case 1:
                    sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(8)));
                    break;
                case 2:
                    sb.insert(at, PALETTE.charAt(random.nextInt(PALETTE.length())));
                    break;
                case 3:
                    int end = Math.min(sb.length(), at + 1 + random.nextInt(40));
                    sb.insert(at, sb.substring(at, end));
                    break;
                default:
                    int other = random.nextInt(sb.length());
                    char c = sb.charAt(at);
                    sb.setCharAt(at, sb.charAt(other));
                    sb.setCharAt(other, c);
            }
        }
        return sb.toString();
    }
}

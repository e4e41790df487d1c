package org.commentguard.hardening;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.commentguard.testing.Api.ADMIN_KEY;

/** Seeded generator of hostile keys, path values and bodies for {@link BadInputFuzzTest}. */
final class Hostile {

    private static final Set<String> TEXT_FIELDS = Set.of(
            "text", "title", "body", "html", "note", "label", "name", "reporterId", "externalId", "reason", "url");
    private static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});

    private final Random random;
    private final TwoSites sites;

    Hostile(Random random, TwoSites sites) {
        this.random = random;
        this.sites = sites;
    }

    /** Texts that have broken text-handling services before. */
    static List<String> hostileTexts() {
        return List.of(
                "",
                "   \t\n",
                "\u0000",
                "nul\u0000inside",
                "a".repeat(20_000),
                "a".repeat(20_001),
                "\uD83D\uDE00".repeat(10_000),
                "\uD83D\uDE00".repeat(10_001),
                "lone \uD800 surrogate",
                "' OR 1=1; DROP TABLE comment; --",
                "Robert'); DROP TABLE site;--",
                "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>",
                "${jndi:ldap://127.0.0.1/x}",
                "%s%s%n%x{0}",
                "\u202Ebidi\u2066 \u0007\b\f\r\n\u001B[31m",
                "Z\u0338\u0322\u031B".repeat(3_000),
                "\u200B\u200B\u200B",
                "ｆｕｃｋ ｙｏｕ",
                "\uFEFF",
                "../../../../etc/passwd");
    }

    /** Whole bodies that are not what any endpoint expects. */
    static List<byte[]> handWritten() {
        List<String> texts = List.of(
                "",
                " ",
                "null",
                "[]",
                "{}",
                "\"text\"",
                "42",
                "true",
                "{",
                "{\"a\":}",
                "{'text':'single quotes'}",
                "{\"text\":\"x\",\"text\":\"y\"}",
                "{\"text\": 1e999999}",
                "{\"text\": NaN}",
                "{\"limit\": 99999999999999999999999999999}",
                "{\"__proto__\":{\"admin\":true}}",
                "/* comment */ {}",
                "{} trailing",
                "{\"text\":\"unterminated",
                "[".repeat(10_000) + "]".repeat(10_000),
                "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                "{\"text\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "{\"comment\":{\"text\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001) + "}",
                "{\"items\":[" + "{\"text\":\"x\"},".repeat(100) + "{\"text\":\"x\"}]}",
                "{\"decisions\":[" + "{},".repeat(100) + "{}]}",
                "{\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}",
                "[" + "1,".repeat(200_000) + "1]");
        List<byte[]> bodies = new ArrayList<>();
        texts.forEach(t -> bodies.add(t.getBytes(StandardCharsets.UTF_8)));
        for (byte[] bad : INVALID_UTF8) {
            bodies.add(concat(
                    "{\"text\":\"bad ".getBytes(StandardCharsets.UTF_8),
                    bad,
                    " bytes\",\"comment\":{\"text\":\"x".getBytes(StandardCharsets.UTF_8),
                    bad,
                    "\"}}".getBytes(StandardCharsets.UTF_8)));
        }
        bodies.add(concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"text\":\"bom\"}".getBytes(StandardCharsets.UTF_8)));
        bodies.add("{\"text\":\"utf-16\"}".getBytes(StandardCharsets.UTF_16));
        return bodies;
    }

    /** Mostly the right key of site A, otherwise a key of the wrong role, site B's, a forged one or none. */
    String key(String role) {
        TwoSites.Site a = sites.a();
        int roll = random.nextInt(100);
        if (roll < 75) {
            return a.keyFor(role);
        }
        return switch (roll % 8) {
            case 0 -> a.ingest();
            case 1 -> a.moderator();
            case 2 -> sites.b().keyFor(role == null ? "ingest" : role);
            case 3 ->
                "cg_"
                        + switch (role == null ? "ingest" : role) {
                            case "ingest" -> "ing";
                            case "moderator" -> "mod";
                            case "admin" -> "adm";
                            default -> role;
                        }
                        + "_" + randomAlnum(40);
            case 4 -> a.revokedIngest();
            case 5 -> ADMIN_KEY.substring(0, ADMIN_KEY.length() - 1) + "f";
            case 6 -> "' OR 1=1 --";
            default -> null;
        };
    }

    /** A value for a placeholder in an endpoint's path, URL-encoded. */
    String pathValue(String placeholder) {
        TwoSites.Site a = sites.a();
        TwoSites.Site b = sites.b();
        int roll = random.nextInt(100);
        String value;
        if (roll < 60) {
            value = a.ids().get(placeholder);
        } else if (roll < 75) {
            value = b.ids().get(placeholder);
        } else {
            value = switch (placeholder) {
                case "limit" -> pick("-1", "0", "101", "99999999999999", "abc", "1e3", "NaN", "");
                case "status" -> pick("bogus", "PENDING", "' OR 1=1 --", "", "DECIDED", "\u0000");
                case "sort" -> pick("x", "oldest;DROP TABLE comment", "", "newest");
                case "cursor" ->
                    pick(
                            "garbage",
                            "%%%",
                            Base64.getUrlEncoder().encodeToString(randomBytes(24)),
                            Base64.getUrlEncoder()
                                    .encodeToString("{\"t\":\"x\",\"id\":1}".getBytes(StandardCharsets.UTF_8)),
                            "x".repeat(5_000));
                case "number" -> pick("NaN", "-Infinity", "1e309", "abc", "-0.5", "2");
                case "date" -> pick("yesterday", "-999999999-01-01T00:00:00Z", "2026-13-45T99:00:00Z", "0", "");
                default ->
                    pick(
                            UUID.randomUUID().toString(),
                            "not-a-uuid",
                            "' OR '1'='1",
                            "../../etc/passwd",
                            "\u0000",
                            "x".repeat(5_000),
                            " ",
                            "null",
                            "😀");
            };
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String contentType() {
        return pick(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=UTF-16",
                "*/*",
                "");
    }

    /** A body derived from a valid one: as is, with hostile texts, mutated, random, deep, broken bytes or huge. */
    byte[] body(Map<String, Object> valid) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return utf8(Json.write(valid));
        }
        if (roll < 30) {
            replaceTexts(valid, pick(hostileTexts()));
            return utf8(Json.write(valid));
        }
        if (roll < 65) {
            mutate(valid, 1 + random.nextInt(3));
            return utf8(Json.write(valid));
        }
        if (roll < 75) {
            return utf8(Json.write(randomValue(4)));
        }
        if (roll < 80) {
            String deep = random.nextBoolean()
                    ? "[".repeat(10_000) + "]".repeat(10_000)
                    : "{\"a\":".repeat(10_000) + "null" + "}".repeat(10_000);
            String json = Json.write(valid);
            return utf8(json.substring(0, json.length() - 1) + ",\"deep\":" + deep + "}");
        }
        if (roll < 90) {
            return brokenBytes(utf8(Json.write(valid)));
        }
        List<byte[]> fixed = handWritten();
        return fixed.get(random.nextInt(fixed.size()));
    }

    /** Replaces every text-like string in a body (nested ones too) with the given text. */
    @SuppressWarnings("unchecked")
    static void replaceTexts(Object node, String text) {
        if (node instanceof Map<?, ?> map) {
            for (var entry : ((Map<String, Object>) map).entrySet()) {
                if (entry.getValue() instanceof String && TEXT_FIELDS.contains(entry.getKey())) {
                    entry.setValue(text);
                } else {
                    replaceTexts(entry.getValue(), text);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(element -> replaceTexts(element, text));
        }
    }

    @SuppressWarnings("unchecked")
    private void mutate(Map<String, Object> body, int times) {
        for (int i = 0; i < times; i++) {
            List<Map<String, Object>> objects = new ArrayList<>();
            collectObjects(body, objects);
            Map<String, Object> target = objects.get(random.nextInt(objects.size()));
            List<String> fields = new ArrayList<>(target.keySet());
            int action = random.nextInt(4);
            if (fields.isEmpty() || action == 0) {
                target.put(
                        pick("__proto__", "siteId", "id", "status", "claimedBy", "constructor", "\u0000", ""),
                        randomValue(2));
            } else {
                String field = fields.get(random.nextInt(fields.size()));
                if (action == 1) {
                    target.remove(field);
                } else {
                    target.put(field, randomValue(2));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectObjects(Object node, List<Map<String, Object>> into) {
        if (node instanceof Map<?, ?> map) {
            into.add((Map<String, Object>) map);
            map.values().forEach(v -> collectObjects(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectObjects(v, into));
        }
    }

    /** A random JSON value of any type: wrong types for every field sooner or later. */
    private Object randomValue(int depth) {
        int kind = random.nextInt(depth <= 0 ? 7 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> pick(0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, 1e308, -0.0, 0.5);
            case 3 -> randomString();
            case 4 -> pick(hostileTexts());
            case 5 ->
                pick(
                        "ingest",
                        "admin",
                        "moderator",
                        "platform",
                        "approve",
                        "reject",
                        "escalate",
                        "spam",
                        "PRE_MODERATE_ALL",
                        "REJECT",
                        "TOXICITY",
                        "comment.published",
                        "http://127.0.0.1:9/x",
                        sites.b().id(),
                        sites.b().commentId(),
                        sites.b().itemId(),
                        sites.b().article(),
                        sites.a().itemId(),
                        sites.a().commentExternalId());
            case 6 -> UUID.randomUUID().toString();
            case 7 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(pick("text", "comment", "items", "value", "role", randomString()), randomValue(depth - 1));
                }
                yield map;
            }
        };
    }

    private byte[] brokenBytes(byte[] json) {
        int how = random.nextInt(3);
        if (how == 0) {
            return java.util.Arrays.copyOf(json, random.nextInt(json.length));
        }
        int quote = indexOfStringContent(json);
        byte[] bad = INVALID_UTF8.get(random.nextInt(INVALID_UTF8.size()));
        if (how == 1 && quote > 0) {
            return concat(
                    java.util.Arrays.copyOf(json, quote), bad, java.util.Arrays.copyOfRange(json, quote, json.length));
        }
        byte[] copy = json.clone();
        for (int i = random.nextInt(4); i >= 0; i--) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    /** The position just after the opening quote of the last string value, where bad bytes stay inside a string. */
    private static int indexOfStringContent(byte[] json) {
        for (int i = json.length - 2; i > 0; i--) {
            if (json[i] == '"' && json[i - 1] == ':') {
                return i + 1;
            }
        }
        return -1;
    }

    private String randomString() {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            int kind = random.nextInt(5);
            s.appendCodePoint(
                    switch (kind) {
                        case 0 -> random.nextInt(0x20);
                        case 1 -> 0x20 + random.nextInt(0x5F);
                        case 2 -> 0xA0 + random.nextInt(0x2F00);
                        case 3 -> 0x1F300 + random.nextInt(0x300);
                        default -> 0xD800 + random.nextInt(0x800);
                    });
        }
        return s.toString();
    }

    private String randomAlnum(int n) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

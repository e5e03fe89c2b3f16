package org.cephsync.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rules out of a decompiled CRUSH map ({@code crushtool -d}, what PVE's {@code /ceph/crush} returns).
 * Only {@code rule} blocks at the top level are read; buckets, tunables, devices, {@code choose_args} and
 * anything unknown are skipped, so maps of older and newer Ceph releases parse alike. Comments, blank lines,
 * tabs, {@code min_size}/{@code max_size} and unknown statements inside a rule are tolerated. Statements may
 * end at a line break or a semicolon.
 */
public final class CrushMapParser {

    private static final Pattern RULE_OPENING = Pattern.compile("^rule\\s+([^\\s{]+)\\s*(\\{(.*))?$");
    private static final Pattern TAKE_WITH_CLASS = Pattern.compile("^take\\s+\\S+\\s+class\\s+(\\S+)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CrushMapParser() {
    }

    /**
     * @param mapText the decompiled map; null reads as an empty map
     * @return the rules by name, in map order (the first block wins if a name repeats)
     */
    public static Map<String, CrushRuleBlock> parseRules(String mapText) {
        Map<String, CrushRuleBlock> rules = new LinkedHashMap<>();
        if (mapText == null) {
            return rules;
        }
        int depth = 0;
        RuleBuilder rule = null;
        String pendingName = null;
        String pendingLine = null;
        for (String line : mapText.split("\\R", -1)) {
            String code = withoutComment(line).strip();
            if (rule != null) {
                rule.lines.add(line);
                if (rule.consume(code)) {
                    rules.putIfAbsent(rule.name, rule.build());
                    rule = null;
                }
                continue;
            }
            if (pendingName != null && code.startsWith("{")) {
                rule = new RuleBuilder(pendingName, List.of(pendingLine, line));
                pendingName = null;
                if (rule.consume(code.substring(1))) {
                    rules.putIfAbsent(rule.name, rule.build());
                    rule = null;
                }
                continue;
            }
            if (pendingName != null && !code.isEmpty()) {
                pendingName = null;
            }
            Matcher opening = depth == 0 ? RULE_OPENING.matcher(code) : null;
            if (opening != null && opening.matches()) {
                if (opening.group(2) == null) {
                    pendingName = opening.group(1);
                    pendingLine = line;
                    continue;
                }
                rule = new RuleBuilder(opening.group(1), List.of(line));
                if (rule.consume(opening.group(3))) {
                    rules.putIfAbsent(rule.name, rule.build());
                    rule = null;
                }
                continue;
            }
            depth = Math.max(0, depth + count(code, '{') - count(code, '}'));
        }
        if (rule != null) {
            // a truncated map: keep what the rule said before the text ended
            rules.putIfAbsent(rule.name, rule.build());
        }
        return rules;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static int count(String text, char wanted) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }

    /** Collects one rule's statements while its block is being read. */
    private static final class RuleBuilder {
        private final String name;
        private final List<String> lines = new ArrayList<>();
        private final List<String> steps = new ArrayList<>();
        private Integer id;
        private Integer ruleset;
        private String type = "";
        private String deviceClass = "";

        RuleBuilder(String name, List<String> openingLines) {
            this.name = name;
            lines.addAll(openingLines);
        }

        /** @return true when the closing brace was in this piece of code */
        boolean consume(String code) {
            int closing = code.indexOf('}');
            String body = closing < 0 ? code : code.substring(0, closing);
            for (String statement : body.split(";")) {
                statement(WHITESPACE.matcher(statement.strip()).replaceAll(" "));
            }
            return closing >= 0;
        }

        private void statement(String statement) {
            if (statement.isEmpty()) {
                return;
            }
            String[] words = statement.split(" ", 2);
            String argument = words.length > 1 ? words[1] : "";
            switch (words[0]) {
                case "id" -> id = id == null ? wholeNumber(argument) : id;
                case "ruleset" -> ruleset = ruleset == null ? wholeNumber(argument) : ruleset;
                case "type" -> type = type.isEmpty() ? argument : type;
                case "step" -> step(argument);
                default -> {
                    // min_size, max_size and statements of future releases say nothing the model keeps
                }
            }
        }

        private void step(String step) {
            if (step.isEmpty()) {
                return;
            }
            steps.add(step);
            Matcher take = TAKE_WITH_CLASS.matcher(step);
            if (deviceClass.isEmpty() && take.find()) {
                deviceClass = take.group(1);
            }
        }

        private static Integer wholeNumber(String text) {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }

        CrushRuleBlock build() {
            return new CrushRuleBlock(name, id != null ? id : ruleset, type, deviceClass,
                    Collections.unmodifiableList(steps), String.join("\n", lines));
        }
    }
}

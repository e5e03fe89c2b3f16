package org.cephsync.mapping;

import java.util.List;

/**
 * One {@code rule NAME { ... }} block of a decompiled CRUSH map.
 *
 * @param name        the rule's name
 * @param ruleId      {@code id N} (or the {@code ruleset N} of pre-Luminous maps); null when the block has none
 * @param ruleType    {@code type T} ("replicated", "erasure", ...); "" when the block has none
 * @param deviceClass Y of the first {@code step take X class Y}; "" when no step narrows to a class
 * @param steps       the step lines without the word {@code step}, whitespace collapsed
 * @param text        the block as it stands in the map, from {@code rule} to the closing brace
 */
public record CrushRuleBlock(String name, Integer ruleId, String ruleType, String deviceClass, List<String> steps,
                             String text) {

    public CrushRuleBlock {
        steps = List.copyOf(steps);
    }
}

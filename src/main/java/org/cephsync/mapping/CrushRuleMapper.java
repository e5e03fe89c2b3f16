package org.cephsync.mapping;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cephsync.inventory.CephCrushRule;
import org.cephsync.inventory.InventoryRow;

/**
 * CRUSH rules: names from {@code /nodes/{node}/ceph/rules}, the rest parsed from the decompiled map that
 * {@code /nodes/{node}/ceph/crush} returns as text. Items, in {@code /rules} order:
 * {@code {"name", "entry": <the /rules entry>, "rule": {"rule_id", "rule_type", "device_class", "steps",
 * "text"}}}, with {@code rule} left out when the map text has no block of that name.
 */
public class CrushRuleMapper implements ResourceMapper {

    static final String RULES = "/nodes/{node}/ceph/rules";
    static final String CRUSH_MAP = "/nodes/{node}/ceph/crush";

    @Override
    public List<JsonObject> split(SourcePayloads payloads) {
        String mapWhere = SourceBodies.where(payloads, CRUSH_MAP);
        JsonValue mapBody = payloads.get(CRUSH_MAP);
        if (mapBody.getValueType() != JsonValue.ValueType.STRING && mapBody.getValueType() != JsonValue.ValueType.NULL) {
            throw new MappingException(mapWhere + ": expected the decompiled CRUSH map as text, got "
                    + PveValues.describe(mapBody));
        }
        Map<String, CrushRuleBlock> blocks = CrushMapParser.parseRules(PveValues.asString(mapBody));
        List<JsonObject> items = new ArrayList<>();
        List<JsonObject> entries = SourceBodies.objects(payloads, RULES);
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.get(i);
            String name = PveFields.of(entry, SourceBodies.where(payloads, RULES) + " entry #" + i).requiredString("name");
            JsonObjectBuilder item = JsonFactory.object().add("name", name).add("entry", entry);
            CrushRuleBlock block = blocks.get(name);
            if (block != null) {
                item.add("rule", toJson(block));
            }
            items.add(item.build());
        }
        return items;
    }

    @Override
    public InventoryRow map(JsonObject item) {
        String name = PveFields.of(item, "crush rule item").requiredString("name");
        PveFields fields = PveFields.of(item, "crush rule " + name);
        JsonObject entry = fields.objectValue("entry");
        JsonObject parsed = fields.objectValue("rule");

        CephCrushRule rule = new CephCrushRule();
        rule.setName(name);
        JsonObjectBuilder raw = entry == null ? JsonFactory.object() : JsonFactory.object(entry);
        raw.add("name", name);
        if (parsed == null) {
            rule.setSteps(JsonValue.EMPTY_JSON_ARRAY);
            raw.addNull("text");
        } else {
            PveFields ruleFields = PveFields.of(parsed, "crush rule " + name + " (parsed)");
            rule.setRuleId(ruleFields.intValue("rule_id"));
            rule.setRuleType(ruleFields.text("rule_type"));
            rule.setDeviceClass(ruleFields.text("device_class"));
            rule.setSteps(ruleFields.arrayValue("steps") == null ? JsonValue.EMPTY_JSON_ARRAY : ruleFields.arrayValue("steps"));
            raw.add("text", ruleFields.text("text"));
        }
        rule.setRaw(raw.build());
        return rule;
    }

    private static JsonObject toJson(CrushRuleBlock block) {
        JsonObjectBuilder rule = JsonFactory.object();
        if (block.ruleId() == null) {
            rule.addNull("rule_id");
        } else {
            rule.add("rule_id", block.ruleId());
        }
        return rule.add("rule_type", block.ruleType())
                .add("device_class", block.deviceClass())
                .add("steps", JsonFactory.array(block.steps()))
                .add("text", block.text())
                .build();
    }
}

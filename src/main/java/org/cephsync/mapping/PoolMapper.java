package org.cephsync.mapping;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cephsync.inventory.CephPool;
import org.cephsync.inventory.InventoryRow;

/**
 * Pools, from {@code /nodes/{node}/ceph/pool}. Items: the list entries as they are, in list order
 * ({@code osd dump} order).
 */
public class PoolMapper implements ResourceMapper {

    static final String POOLS = "/nodes/{node}/ceph/pool";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    private static final int APPLICATION_LENGTH = 64;
    private static final int CRUSH_RULE_LENGTH = 255;

    @Override
    public List<JsonObject> split(SourcePayloads payloads) {
        return SourceBodies.objects(payloads, POOLS);
    }

    @Override
    public InventoryRow map(JsonObject item) {
        String name = PveFields.of(item, "pool item").requiredString("pool_name");
        PveFields fields = PveFields.of(item, "pool " + name);
        CephPool pool = new CephPool();
        pool.setName(name);
        pool.setPoolId(fields.has("pool") ? fields.intValue("pool") : fields.intValue("pool_id"));
        pool.setSize(fields.intValue("size"));
        pool.setMinSize(fields.intValue("min_size"));
        pool.setPgNum(fields.intValue("pg_num"));
        pool.setPgAutoscaleMode(fields.text("pg_autoscale_mode"));
        pool.setCrushRule(PveValues.truncate(crushRuleName(fields), CRUSH_RULE_LENGTH));
        pool.setApplication(PveValues.truncate(application(fields), APPLICATION_LENGTH));
        pool.setUsedBytes(fields.longValue("bytes_used"));
        // PVE's pool list has no max-available figure; a source that adds one is used, none is invented
        pool.setMaxAvailableBytes(fields.has("max_avail") ? fields.longValue("max_avail") : fields.longValue("max_available"));
        Double fraction = fields.doubleValue("percent_used");
        pool.setPercentUsed(fraction == null ? null : fraction * 100);
        pool.setStatus(item);
        return pool;
    }

    /** The rule's name; {@code crush_rule} only when it is a name rather than the rule's number. */
    private static String crushRuleName(PveFields fields) {
        String name = fields.string("crush_rule_name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String rule = fields.string("crush_rule");
        return rule == null || WHOLE_NUMBER.matcher(rule.strip()).matches() ? "" : rule;
    }

    private static String application(PveFields fields) {
        JsonObject applications = fields.objectValue("application_metadata");
        return applications == null ? "" : String.join(",", new TreeSet<>(applications.keySet()));
    }
}

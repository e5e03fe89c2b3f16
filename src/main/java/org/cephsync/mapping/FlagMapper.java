package org.cephsync.mapping;

import jakarta.json.JsonObject;
import java.util.List;
import org.cephsync.inventory.CephFlag;
import org.cephsync.inventory.InventoryRow;

/**
 * OSD flags, from {@code /cluster/ceph/flags}: every flag listed is a row, set or not. Items: the list
 * entries as they are, in list order.
 */
public class FlagMapper implements ResourceMapper {

    static final String FLAGS = "/cluster/ceph/flags";
    private static final int NAME_LENGTH = 64;

    @Override
    public List<JsonObject> split(SourcePayloads payloads) {
        return SourceBodies.objects(payloads, FLAGS);
    }

    @Override
    public InventoryRow map(JsonObject item) {
        String name = PveFields.of(item, "flag item").requiredString("name");
        if (name.length() > NAME_LENGTH) {
            // the name is the row's identity: cutting it could merge two flags into one row
            throw new MappingException("flag " + PveValues.truncate(name, NAME_LENGTH) + "...: name longer than "
                    + NAME_LENGTH + " characters");
        }
        Boolean enabled = PveFields.of(item, "flag " + name).booleanValue("value");
        CephFlag flag = new CephFlag();
        flag.setName(name);
        flag.setEnabled(enabled);
        flag.setValue(enabled == null ? "" : enabled.toString());
        flag.setRaw(item);
        return flag;
    }
}

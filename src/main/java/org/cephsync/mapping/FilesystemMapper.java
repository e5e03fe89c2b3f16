package org.cephsync.mapping;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.cephsync.inventory.CephFilesystem;
import org.cephsync.inventory.InventoryRow;

/**
 * CephFS filesystems, from {@code /nodes/{node}/ceph/fs}. Items: the list entries as they are, in list order.
 * The metadata pool is given by name; the writer resolves it to the pool row of the same endpoint.
 */
public class FilesystemMapper implements ResourceMapper {

    static final String FILESYSTEMS = "/nodes/{node}/ceph/fs";

    @Override
    public List<JsonObject> split(SourcePayloads payloads) {
        return SourceBodies.objects(payloads, FILESYSTEMS);
    }

    @Override
    public InventoryRow map(JsonObject item) {
        String name = PveFields.of(item, "filesystem item").requiredString("name");
        PveFields fields = PveFields.of(item, "filesystem " + name);
        CephFilesystem filesystem = new CephFilesystem();
        filesystem.setName(name);
        filesystem.setMetadataPoolName(fields.string("metadata_pool"));
        filesystem.setDataPools(dataPools(fields));
        filesystem.setStandbyCountWanted(fields.intValue("standby_count_wanted"));
        filesystem.setStatus(item);
        return filesystem;
    }

    /** PVE 9 lists every data pool; PVE 7/8 give the first one only. */
    private static JsonArray dataPools(PveFields fields) {
        JsonArrayBuilder names = JsonFactory.array();
        JsonArray listed = fields.arrayValue("data_pools");
        if (listed != null) {
            for (int i = 0; i < listed.size(); i++) {
                try {
                    names.add(PveValues.asString(listed.get(i)));
                } catch (MappingException notAName) {
                    throw new MappingException(fields.label() + ": field 'data_pools' entry #" + i + ": "
                            + notAName.getMessage(), notAName);
                }
            }
        } else if (fields.has("data_pool")) {
            names.add(fields.string("data_pool"));
        }
        return names.build();
    }
}

package org.cephsync.resource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.mapping.ClusterStatus;
import org.cephsync.mapping.CrushRuleMapper;
import org.cephsync.mapping.DaemonMapper;
import org.cephsync.mapping.FilesystemMapper;
import org.cephsync.mapping.FlagMapper;
import org.cephsync.mapping.OsdMapper;
import org.cephsync.mapping.PoolMapper;
import org.cephsync.mapping.ResourceMapper;
import org.cephsync.mapping.StatusMapper;

/**
 * The seven resources a sync reflects, in the order the job runs them: for each, the PVE paths read per
 * endpoint (one request each, whatever the cluster's size), its mapper and the models it fills. The one
 * definition the job (its steps are checked against it), the reader, the REST API, the console and the tests
 * iterate.
 * {@value #CLUSTER_STATUS} comes first for every resource (it names the cluster and the node to ask), read once per
 * endpoint and execution.
 */
public enum CephResource {
    STATUS("status", new StatusMapper(),
            List.of("/cluster/ceph/status"),
            List.of(InventoryModel.CLUSTER, InventoryModel.HEALTH_CHECK)),
    DAEMONS("daemons", new DaemonMapper(),
            List.of("/nodes/{node}/ceph/mon", "/nodes/{node}/ceph/mgr", "/nodes/{node}/ceph/mds", "/cluster/ceph/metadata"),
            List.of(InventoryModel.DAEMON)),
    OSDS("osds", new OsdMapper(),
            List.of("/nodes/{node}/ceph/osd", "/cluster/ceph/metadata"),
            List.of(InventoryModel.OSD)),
    POOLS("pools", new PoolMapper(),
            List.of("/nodes/{node}/ceph/pool"),
            List.of(InventoryModel.POOL)),
    FILESYSTEMS("filesystems", new FilesystemMapper(),
            List.of("/nodes/{node}/ceph/fs"),
            List.of(InventoryModel.FILESYSTEM)),
    CRUSH("crush", new CrushRuleMapper(),
            List.of("/nodes/{node}/ceph/rules", "/nodes/{node}/ceph/crush"),
            List.of(InventoryModel.CRUSH_RULE)),
    FLAGS("flags", new FlagMapper(),
            List.of("/cluster/ceph/flags"),
            List.of(InventoryModel.FLAG));

    public static final String CLUSTER_STATUS = ClusterStatus.PATH;
    /** The job parameter value that asks for every resource. */
    public static final String FULL = "full";

    private final String wireName;
    private final ResourceMapper mapper;
    private final List<String> paths;
    private final List<InventoryModel> models;

    CephResource(String wireName, ResourceMapper mapper, List<String> paths, List<InventoryModel> models) {
        this.wireName = wireName;
        this.mapper = mapper;
        this.paths = paths;
        this.models = models;
    }

    /** The name used in job parameters, stages and the REST API. */
    public String wireName() {
        return wireName;
    }

    public ResourceMapper mapper() {
        return mapper;
    }

    /** The PVE path templates read for this resource, besides {@value #CLUSTER_STATUS}. */
    public List<String> paths() {
        return paths;
    }

    public List<InventoryModel> models() {
        return models;
    }

    public static Optional<CephResource> byWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }

    /** The resources' names, in job order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(CephResource::wireName).toList();
    }

    /** Every name a caller may ask for: the resources and {@value #FULL}. */
    public static String validNames() {
        return String.join(", ", wireNames()) + ", " + FULL;
    }
}

package org.cephsync.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * proxbox-api's endpoint directory and its generated read-only Proxmox VE routes. The PVE paths a sync
 * needs have three shapes; one method each keeps every path segment a single, properly encoded value.
 * No class-level @Path: the server must not mistake this client interface for a resource of its own.
 * Bodies come back as raw responses so that a malformed one can be reported as such.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface ProxboxApi {

    String API_KEY_HEADER = "X-Proxbox-API-Key";

    @GET
    @Path("/proxmox/endpoints")
    Response endpoints(@HeaderParam(API_KEY_HEADER) String apiKey,
                       @QueryParam("offset") int offset, @QueryParam("limit") int limit);

    /** {@code /cluster/{item}}, e.g. /cluster/status. */
    @GET
    @Path("/proxmox/api2/json/cluster/{item}")
    Response cluster(@HeaderParam(API_KEY_HEADER) String apiKey, @PathParam("item") String item,
                     @QueryParam("source") String source, @QueryParam("target_name") String targetName);

    /** {@code /cluster/ceph/{item}}, e.g. /cluster/ceph/status. */
    @GET
    @Path("/proxmox/api2/json/cluster/ceph/{item}")
    Response clusterCeph(@HeaderParam(API_KEY_HEADER) String apiKey, @PathParam("item") String item,
                         @QueryParam("source") String source, @QueryParam("target_name") String targetName);

    /** {@code /nodes/{node}/ceph/{item}}, e.g. /nodes/pve1/ceph/osd. */
    @GET
    @Path("/proxmox/api2/json/nodes/{node}/ceph/{item}")
    Response nodeCeph(@HeaderParam(API_KEY_HEADER) String apiKey, @PathParam("node") String node,
                      @PathParam("item") String item,
                      @QueryParam("source") String source, @QueryParam("target_name") String targetName);
}

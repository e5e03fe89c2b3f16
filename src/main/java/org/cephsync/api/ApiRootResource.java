package org.cephsync.api;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.cephsync.inventory.JsonText;

/**
 * NetBox's API root and status, so that NetBox clients find their footing (pynetbox's {@code nb.version}
 * reads the {@value #API_VERSION_HEADER} header of {@code GET /api/}; {@code nb.status()} reads
 * {@code GET /api/status/}). Both need an authenticated caller, as every API call does.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ApiRootResource {

    static final String API_VERSION_HEADER = "API-Version";
    /** The NetBox REST API version whose shape (and netbox-ceph's, netbox-branching's) ceph-sync serves. */
    static final String API_VERSION = "4.2";

    /** The plugin-style names ceph-sync answers for, with the versions whose API it follows. */
    private static final String[][] EMULATED_PLUGINS = {
            {"netbox_ceph", "0.0.1"}, {"netbox_branching", "0.5"}, {"netbox_proxbox", "0.0.6"}};

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Context
    ServletContext servlet;

    @GET
    public Response root(@Context UriInfo uri) {
        JsonObject links = JsonText.json().createObjectBuilder()
                .add("plugins", uri.getBaseUriBuilder().path("plugins/").build().toString())
                .add("status", uri.getBaseUriBuilder().path("status/").build().toString())
                .add("sync", uri.getBaseUriBuilder().path("sync/jobs/").build().toString())
                .build();
        return Response.ok(links).header(API_VERSION_HEADER, API_VERSION).build();
    }

    @GET
    @Path("status")
    public Response status() {
        var plugins = JsonText.json().createObjectBuilder();
        for (String[] plugin : EMULATED_PLUGINS) {
            plugins.add(plugin[0], plugin[1]);
        }
        JsonObject status = JsonText.json().createObjectBuilder()
                .add("netbox-version", API_VERSION)
                .add("ceph-sync-version", version())
                .add("java-version", System.getProperty("java.version"))
                .add("server", servlet.getServerInfo())
                .add("database", databaseProduct())
                .add("plugins", plugins)
                .build();
        return Response.ok(status).header(API_VERSION_HEADER, API_VERSION).build();
    }

    /** The build's version, written into ceph-sync-build.properties by Maven. */
    private static String version() {
        try (InputStream in = ApiRootResource.class.getResourceAsStream("/ceph-sync-build.properties")) {
            Properties build = new Properties();
            if (in != null) {
                build.load(in);
            }
            return build.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The product name only: the URL and user could name hosts or carry credentials. */
    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            return "unavailable";
        }
    }
}

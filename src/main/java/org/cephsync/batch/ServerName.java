package org.cephsync.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name this server goes by in the database it may share with others: {@code ceph-sync.server-name}, or
 * else the host name and the server's own folder (Payara Micro's rootdir, Liberty's server output folder),
 * which stay the same across restarts and differ between two servers on one host.
 */
@ApplicationScoped
public class ServerName {

    @Inject
    @ConfigProperty(name = "ceph-sync.server-name")
    Optional<String> configured;

    private String name;

    public synchronized String get() {
        if (name == null) {
            name = configured.filter(n -> !n.isBlank()).orElseGet(ServerName::hostAndFolder);
        }
        return name;
    }

    private static String hostAndFolder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String folder = System.getProperty("com.sun.aas.instanceRoot",
                System.getProperty("server.output.dir", System.getProperty("user.dir")));
        String name = host + ":" + folder;
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }
}

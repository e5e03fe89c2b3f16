package org.cephsync.it;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The stand-ins' HTTP servers: the JDK's, on 127.0.0.1 and an ephemeral port, answering without Nagle's delay as
 * the servers they stand in for do (uvicorn, pveproxy, NetBox's). The JDK's server writes a response's headers
 * and body separately; with Nagle's algorithm on, the body waits for the client's delayed ACK of the headers,
 * about 40 ms on every request that fits in a packet or two, which is most of them.
 */
final class LoopbackServers {

    // read once, when the JDK's server configuration loads: before the first server of this JVM is created
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackServers() {
    }

    static HttpServer http() throws IOException {
        return HttpServer.create(loopback(), 0);
    }

    static HttpsServer https() throws IOException {
        return HttpsServer.create(loopback(), 0);
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }
}

package org.cephsync.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A Proxmox VE API endpoint as the endpoint directory (proxbox-api or NetBox) lists it. Its id is the
 * directory's id, so `?endpoint=<id>` means the same here as upstream.
 */
@Entity
@Table(name = "proxmox_endpoint")
public class ProxmoxEndpoint {

    @Id
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private String domain;

    @Column(name = "ip_address")
    private String ipAddress;

    private Integer port;

    public ProxmoxEndpoint() {
    }

    public ProxmoxEndpoint(Long id, String name, String domain, String ipAddress, Integer port) {
        this.id = id;
        this.name = name;
        this.domain = domain;
        this.ipAddress = ipAddress;
        this.port = port;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}

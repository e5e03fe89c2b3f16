package org.cephsync.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the {@code proxmox} source trusts a cluster's certificates. Proxmox VE ships self-signed ones, so an
 * endpoint can pin its nodes' SHA-256 fingerprints (as Proxmox's own tools do; the certificate must be one
 * of them, whatever name it carries) or trust a CA file (e.g. the cluster's {@code pve-root-ca.pem}; names
 * are checked as usual); with neither, the system trust store. Nothing trusts every certificate.
 */
final class PveTls {

    private PveTls() {
    }

    static SSLContext context(PveEndpoint endpoint) {
        try {
            if (endpoint.fingerprints().isEmpty() && endpoint.caFile() == null) {
                return SSLContext.getDefault();
            }
            TrustManager[] trust = endpoint.fingerprints().isEmpty()
                    ? caFile(endpoint)
                    : new TrustManager[] {new PinnedCertificates(endpoint.name(), endpoint.fingerprints())};
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new SourceException("TLS for Proxmox endpoint " + endpoint.name() + ": " + e.getMessage(), e);
        }
    }

    private static TrustManager[] caFile(PveEndpoint endpoint) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream pem = Files.newInputStream(endpoint.caFile())) {
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new SourceException("Proxmox endpoint " + endpoint.name() + ": no certificate in " + endpoint.caFile());
            }
        } catch (IOException e) {
            throw new SourceException("Proxmox endpoint " + endpoint.name() + ": cannot read its ca-file " + endpoint.caFile()
                    + " (" + e.getMessage() + ")", e);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()))
                    .toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }

    /** Trusts a server whose own certificate has one of the pinned fingerprints; the chain and name do not matter. */
    private static final class PinnedCertificates extends X509ExtendedTrustManager {

        private final String endpoint;
        private final List<String> pinned;

        PinnedCertificates(String endpoint, List<String> pinned) {
            this.endpoint = endpoint;
            this.pinned = pinned;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("Proxmox endpoint " + endpoint + " sent no certificate");
            }
            String seen = fingerprint(chain[0]);
            boolean match = false;
            for (String pin : pinned) {
                match |= MessageDigest.isEqual(pin.getBytes(), seen.getBytes());
            }
            if (!match) {
                throw new CertificateException("the certificate of Proxmox endpoint " + endpoint + " has SHA-256 fingerprint "
                        + seen + ", not a pinned one (ceph-sync.proxmox." + endpoint + ".fingerprint)");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

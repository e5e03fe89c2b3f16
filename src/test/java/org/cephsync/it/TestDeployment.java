package org.cephsync.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced, plus what only tests have: the fault injection hook and a configuration
 * pointing at the proxbox-api stand-in with short timeouts and quick retries, and the test users
 * ({@link TestUsers}: the API refuses every call without them). The WAR's own microprofile-config.properties
 * is kept and the test's lines are appended (a key given twice: the test's value wins).
 */
final class TestDeployment {

    static final String API_KEY = "it-proxbox-key";
    static final int CHUNK_SIZE = 4;

    private TestDeployment() {
    }

    static WebArchive war(ProxboxStandIn proxbox, String... extraConfig) {
        List<String> config = new ArrayList<>(List.of("proxbox.url=" + proxbox.baseUri()));
        config.addAll(Arrays.asList(extraConfig));
        return war(config);
    }

    /** A deployment that reads no proxbox-api: the test's configuration names its source. */
    static WebArchive withoutProxbox(String... extraConfig) {
        return war(Arrays.asList(extraConfig));
    }

    private static WebArchive war(List<String> extraConfig) {
        String war = System.getProperty("ceph-sync.war", "target/ceph-sync.war");
        List<String> config = new ArrayList<>(List.of(
                "proxbox.api-key=" + API_KEY,
                "proxbox.read-timeout-seconds=1",
                "proxbox.retry-after-max-seconds=2",
                "ceph-sync.chunk-size=" + CHUNK_SIZE,
                "ceph-sync.job-timeout=PT2H",
                "Retry/delay=100",
                "Retry/jitter=0"));
        config.addAll(TestUsers.config());
        config.addAll(extraConfig);
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "ceph-sync.war").importFrom(new File(war)).as(WebArchive.class);
        String production = productionConfig(archive);
        return archive.addClasses(FaultInjection.class, FaultyProcessor.class)
                .addAsResource(new StringAsset(production + "\n# test deployment\n" + String.join("\n", config)),
                        "META-INF/microprofile-config.properties");
    }

    private static String productionConfig(WebArchive archive) {
        Node node = archive.get(PRODUCTION_CONFIG);
        if (node == null || node.getAsset() == null) {
            return "";
        }
        try (InputStream in = node.getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String PRODUCTION_CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";
}

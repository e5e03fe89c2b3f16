package org.cephsync.it;

import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Client-side Arquillian extension (registered in META-INF/services) for the Payara Micro adapter.
 *
 * <p>arquillian.xml gives Payara Micro a persistent {@code --rootdir} in the build dir, and Payara keeps every
 * application deployed there in the rootdir's domain.xml. The adapter never undeploys (it kills the process), so
 * each server start would first boot the WARs of earlier test classes and earlier runs, then deploy the new one:
 * slower, noisy when the old WAR was broken, and with two applications deployed Arquillian's
 * {@code @ArquillianResource URL} no longer points at the test's own context root. Before each deployment this
 * removes the user applications from the rootdir's config (domain.xml entries, exploded and generated files).
 * Everything else in the rootdir stays: the H2 database, the batch job repository, logs and configuration.
 *
 * <p>It reads the rootdir from the container's {@code extraMicroOptions} and does nothing for containers
 * without one (e.g. another adapter), or before the first start (no domain.xml yet).
 */
public class PayaraStaleDeploymentsExtension implements LoadableExtension {

    private static final Logger LOG = Logger.getLogger(PayaraStaleDeploymentsExtension.class.getName());

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Cleaner.class);
    }

    public static class Cleaner {

        @Inject
        private Instance<ContainerRegistry> registry;

        public void beforeDeploy(@Observes BeforeDeploy event) throws Exception {
            ContainerRegistry containers = registry.get();
            if (containers == null) {
                return;
            }
            for (Container container : containers.getContainers()) {
                if (container.getDeployableContainer() == event.getDeployableContainer()) {
                    Optional<Path> rootDir = rootDir(container.getContainerConfiguration().getContainerProperties()
                            .get("extraMicroOptions"));
                    if (rootDir.isPresent()) {
                        removeUserApplications(rootDir.get());
                    }
                }
            }
        }
    }

    /** The value of {@code --rootdir} in a Payara Micro option string (split on unescaped spaces, like the adapter). */
    static Optional<Path> rootDir(String options) {
        if (options == null || options.isBlank()) {
            return Optional.empty();
        }
        String[] tokens = options.trim().split("(?<!\\\\) +");
        for (int i = 0; i < tokens.length - 1; i++) {
            if (tokens[i].equalsIgnoreCase("--rootdir")) {
                return Optional.of(Path.of(tokens[i + 1].replace("\\ ", " ")).toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** Removes every user application from a Payara rootdir; returns their names. */
    static Set<String> removeUserApplications(Path rootDir) throws Exception {
        Path domainXml = rootDir.resolve("config/domain.xml");
        Set<String> removed = new LinkedHashSet<>();
        if (!Files.isRegularFile(domainXml)) {
            return removed;
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = factory.newDocumentBuilder().parse(domainXml.toFile());

        for (Element app : elements(doc, "application")) {
            Node parent = app.getParentNode();
            if (parent instanceof Element p && p.getTagName().equals("applications")
                    && "user".equals(app.getAttribute("object-type"))) {
                removed.add(app.getAttribute("name"));
                parent.removeChild(app);
            }
        }
        if (removed.isEmpty()) {
            return removed;
        }
        for (Element ref : elements(doc, "application-ref")) {
            if (removed.contains(ref.getAttribute("ref"))) {
                ref.getParentNode().removeChild(ref);
            }
        }
        Transformer out = TransformerFactory.newInstance().newTransformer();
        out.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        Path tmp = domainXml.resolveSibling("domain.xml.arquillian-tmp");
        out.transform(new DOMSource(doc), new StreamResult(tmp.toFile()));
        Files.move(tmp, domainXml, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        for (String name : removed) {
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                continue;
            }
            deleteTree(rootDir.resolve("applications").resolve(name));
            deleteTree(rootDir.resolve("applications/__internal").resolve(name));
            Path generated = rootDir.resolve("generated");
            if (Files.isDirectory(generated)) {
                try (DirectoryStream<Path> kinds = Files.newDirectoryStream(generated)) {
                    for (Path kind : kinds) {
                        deleteTree(kind.resolve(name));
                    }
                }
            }
        }
        LOG.info(() -> "removed earlier deployments " + removed + " from Payara Micro rootdir " + rootDir);
        return removed;
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}

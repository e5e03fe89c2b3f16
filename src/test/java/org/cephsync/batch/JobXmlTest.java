package org.cephsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cephsync.resource.CephResource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The job XML runs one step per resource of {@link CephResource}, in its order, each wired to the same artifacts and
 * partitioned by endpoint with the properties {@link EndpointPartitions} gives each partition.
 */
class JobXmlTest {

    @Test
    void everyResourceHasItsStepInOrderThenTheMerge() throws Exception {
        Element job;
        try (InputStream xml = getClass().getResourceAsStream("/META-INF/batch-jobs/ceph-sync.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            job = factory.newDocumentBuilder().parse(xml).getDocumentElement();
        }
        NodeList steps = job.getElementsByTagNameNS("*", "step");
        List<String> ids = new ArrayList<>();
        List<String> expected = new ArrayList<>(Arrays.stream(CephResource.values()).map(CephResource::wireName).toList());
        expected.add("merge");
        for (int i = 0; i < steps.getLength(); i++) {
            Element step = (Element) steps.item(i);
            ids.add(step.getAttribute("id"));
            if (i + 1 < steps.getLength()) {
                assertEquals(expected.get(i + 1), step.getAttribute("next"), "step " + step.getAttribute("id") + " goes on to");
                assertEquals(List.of("resourceStepListener", "resourceChunkListener"), refs(step, "listener"));
                assertEquals(List.of("resourceReader"), refs(step, "reader"));
                assertEquals(List.of("resourceProcessor"), refs(step, "processor"));
                assertEquals(List.of("inventoryWriter"), refs(step, "writer"));
                assertEquals(List.of("endpointPartitions"), refs(step, "mapper"), "each resource step is partitioned by endpoint");
                assertEquals(List.of("partitionOutcomes"), refs(step, "analyzer"));
                assertEquals(List.of("endpoint", "clock"), names(step, "property"), "the reader learns its partition's endpoint and the run's clock");
                assertEquals(List.of("#{partitionPlan['" + EndpointPartitions.ENDPOINT + "']}", "#{partitionPlan['" + EndpointPartitions.CLOCK + "']}"),
                        values(step, "property"));
            }
        }
        assertEquals(expected, ids);
    }

    private static List<String> refs(Element step, String tag) {
        return attributes(step, tag, "ref");
    }

    private static List<String> names(Element step, String tag) {
        return attributes(step, tag, "name");
    }

    private static List<String> values(Element step, String tag) {
        return attributes(step, tag, "value");
    }

    private static List<String> attributes(Element step, String tag, String attribute) {
        NodeList found = step.getElementsByTagNameNS("*", tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            values.add(((Element) found.item(i)).getAttribute(attribute));
        }
        return values;
    }
}

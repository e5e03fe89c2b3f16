package org.cephsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cephsync.inventory.CephCrushRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrushMapParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"pve7-pacific-16.2.15/healthy", "pve8-reef-18.2.7/degraded"})
    void realMapsFromCrushtool(String scenario) {
        String map = FixtureScenario.load(scenario).rawText("crushmap.txt");

        Map<String, CrushRuleBlock> rules = CrushMapParser.parseRules(map);

        assertEquals(List.of("replicated_rule", "replicated_hdd", "ecpool-data"), List.copyOf(rules.keySet()));
        assertEquals(new CrushRuleBlock("replicated_hdd", 1, "replicated", "hdd",
                List.of("take default class hdd", "chooseleaf firstn 0 type host", "emit"),
                "rule replicated_hdd {\n\tid 1\n\ttype replicated\n"
                        + (scenario.contains("pacific") ? "\tmin_size 1\n\tmax_size 10\n" : "")
                        + "\tstep take default class hdd\n\tstep chooseleaf firstn 0 type host\n\tstep emit\n}"),
                rules.get("replicated_hdd"));
        CrushRuleBlock erasure = rules.get("ecpool-data");
        assertEquals(2, erasure.ruleId());
        assertEquals("erasure", erasure.ruleType());
        assertEquals("", erasure.deviceClass());
        assertEquals(List.of("set_chooseleaf_tries 5", "set_choose_tries 100", "take default",
                "chooseleaf indep 0 type host", "emit"), erasure.steps());
    }

    @Test
    void pveCrushBodyIsTheSameTextAsCrushtool() {
        FixtureScenario scenario = FixtureScenario.load("pve8-reef-18.2.7/healthy");
        String body = PveValues.asString(scenario.body("/nodes/{node}/ceph/crush"));
        assertEquals(CrushMapParser.parseRules(scenario.rawText("crushmap.txt")), CrushMapParser.parseRules(body));
    }

    @Test
    void olderMapWithRulesetCommentsTabsAndUnknownLines() {
        String map = """
                # begin crush map
                tunable choose_total_tries 50

                host node1 {
                \tid -2\t\t# do not change unnecessarily
                \titem osd.0 weight 1.000
                }

                # rules
                rule ssd_rule {   # fast pool
                \truleset 4
                \ttype replicated
                \tmin_size 1
                \tmax_size 10

                \t# prefer SSDs
                \tstep   take   default\tclass ssd
                \tsome_future_statement 7
                \tstep chooseleaf firstn 0 type host   # spread over hosts
                \tstep emit
                }
                # end crush map
                """;

        CrushRuleBlock rule = CrushMapParser.parseRules(map).get("ssd_rule");

        assertEquals(4, rule.ruleId(), "ruleset stands in for id in pre-Luminous maps");
        assertEquals("replicated", rule.ruleType());
        assertEquals("ssd", rule.deviceClass());
        assertEquals(List.of("take default class ssd", "chooseleaf firstn 0 type host", "emit"), rule.steps());
        assertTrue(rule.text().startsWith("rule ssd_rule {   # fast pool\n"));
        assertTrue(rule.text().endsWith("\tstep emit\n}"));
    }

    @Test
    void idWinsOverRuleset() {
        CrushRuleBlock rule = CrushMapParser.parseRules("rule r {\n ruleset 9\n id 3\n type erasure\n step emit\n}\n").get("r");
        assertEquals(3, rule.ruleId());
    }

    @Test
    void statementsSeparatedBySemicolonsOnOneLine() {
        CrushRuleBlock rule = CrushMapParser.parseRules(
                "rule compact { id 5; type replicated; step take default class nvme; step emit }").get("compact");
        assertEquals(5, rule.ruleId());
        assertEquals("nvme", rule.deviceClass());
        assertEquals(List.of("take default class nvme", "emit"), rule.steps());
        assertEquals("rule compact { id 5; type replicated; step take default class nvme; step emit }", rule.text());
    }

    @Test
    void openingBraceOnTheNextLine() {
        CrushRuleBlock rule = CrushMapParser.parseRules("rule late\n{\n id 1\n type replicated\n step emit\n}").get("late");
        assertEquals(1, rule.ruleId());
        assertEquals(List.of("emit"), rule.steps());
    }

    @Test
    void onlyTopLevelRuleBlocksAreRules() {
        String map = """
                # rule commented { id 9 }
                choose_args 1 {
                  {
                    bucket_id -1
                    weight_set [
                      [ 1.000 ]
                    ]
                  }
                }
                rule real {
                \tid 0
                \ttype replicated
                \tstep emit
                }
                """;
        assertEquals(List.of("real"), List.copyOf(CrushMapParser.parseRules(map).keySet()));
    }

    @Test
    void blocksWithoutIdOrTypeOrClassKeepNullsAndBlanks() {
        CrushRuleBlock rule = CrushMapParser.parseRules("rule bare {\n\tid x\n\tstep take default\n}").get("bare");
        assertNull(rule.ruleId(), "an id that is not a number is no id");
        assertEquals("", rule.ruleType());
        assertEquals("", rule.deviceClass());
        assertEquals(List.of("take default"), rule.steps());
    }

    @Test
    void truncatedMapKeepsWhatTheRuleSaid() {
        CrushRuleBlock rule = CrushMapParser.parseRules("rule cut {\n\tid 2\n\ttype replicated\n\tstep take").get("cut");
        assertEquals(2, rule.ruleId());
        assertEquals(List.of("take"), rule.steps());
    }

    @Test
    void windowsLineEndingsAndEmptyInput() {
        assertEquals(List.of("emit"), CrushMapParser.parseRules("rule w {\r\n id 0\r\n step emit\r\n}\r\n").get("w").steps());
        assertTrue(CrushMapParser.parseRules("").isEmpty());
        assertTrue(CrushMapParser.parseRules(null).isEmpty());
    }

    @Test
    void aRepeatedNameKeepsTheFirstBlock() {
        Map<String, CrushRuleBlock> rules = CrushMapParser.parseRules("rule r {\n id 1\n}\nrule r {\n id 2\n}\n");
        assertEquals(1, rules.get("r").ruleId());
    }

    @Test
    void aRuleNamedInRulesButMissingFromTheMapKeepsNullsAndBlanks() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/rules", "[{\"name\": \"replicated_rule\"}, {\"name\": \"ghost\"}]")
                .with("/nodes/{node}/ceph/crush", "\"rule replicated_rule {\\n\\tid 0\\n\\ttype replicated\\n\\tstep emit\\n}\\n\"")
                .build();

        Map<String, CephCrushRule> rules = Rows.byKey(
                Rows.of(new CrushRuleMapper(), payloads, CephCrushRule.class),
                CephCrushRule::getName);

        CephCrushRule ghost = rules.get("ghost");
        assertNull(ghost.getRuleId());
        assertEquals("", ghost.getRuleType());
        assertEquals("", ghost.getDeviceClass());
        assertEquals(List.of(), ghost.getSteps());
        assertEquals("ghost", ghost.getRaw().getString("name"));
        assertTrue(ghost.getRaw().isNull("text"));
        assertEquals(0, rules.get("replicated_rule").getRuleId());
    }
}

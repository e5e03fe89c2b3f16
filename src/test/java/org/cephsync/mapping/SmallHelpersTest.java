package org.cephsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PveValues, DaemonState, HealthStatus and ClusterStatus on their own. */
class SmallHelpersTest {

    @Test
    void numbersAsNumbersOrAsText() {
        assertEquals(2L, PveValues.asLong(Json.createValue(2)));
        assertEquals(2L, PveValues.asLong(Json.createValue("2")));
        assertEquals(2L, PveValues.asLong(Json.createValue(" 2 ")));
        assertEquals(34359738368L, PveValues.asLong(Json.createValue("34359738368")));
        assertEquals(3, PveValues.asInt(Json.createValue(3.0)));
        assertEquals(0.5, PveValues.asDouble(Json.createValue("0.5")));
        assertEquals(1.54319932335056e-05, PveValues.asDouble(FixtureScenario.parse("1.54319932335056e-05")));
        assertNull(PveValues.asLong(null));
        assertNull(PveValues.asLong(JsonValue.NULL));
        assertNull(PveValues.asInt(Json.createValue("")));
        assertThrows(MappingException.class, () -> PveValues.asLong(Json.createValue(1.5)));
        assertThrows(MappingException.class, () -> PveValues.asInt(Json.createValue(1L << 40)));
        assertThrows(MappingException.class, () -> PveValues.asDouble(JsonValue.TRUE));
    }

    @ParameterizedTest
    @CsvSource({"1,true", "0,false", "'\"1\"',true", "'\"0\"',false", "true,true", "false,false", "'\"true\"',true",
            "'\"no\"',false"})
    void booleansInEveryPveSpelling(String json, boolean expected) {
        assertEquals(expected, PveValues.asBoolean(FixtureScenario.parse(json)));
    }

    @Test
    void textOfScalars() {
        assertEquals("2", PveValues.asString(Json.createValue(2)));
        assertEquals("true", PveValues.asString(JsonValue.TRUE));
        assertEquals("", PveValues.asString(Json.createValue("")));
        assertNull(PveValues.asString(JsonValue.NULL));
        assertThrows(MappingException.class, () -> PveValues.asString(JsonValue.EMPTY_JSON_OBJECT));
    }

    @ParameterizedTest
    @CsvSource({"up:active,active", "active,active", "up:standby,standby", "up:standby-replay,standby",
            "standby,standby", "running,running", "stopped,stopped", "down,stopped", "error,error",
            "down:damaged,error", "up:replay,unknown", "'',unknown", "Running,running", "something new,unknown"})
    void daemonStates(String text, String expected) {
        assertEquals(expected, DaemonState.of(text));
    }

    @Test
    void daemonStateOfNothingIsUnknown() {
        assertEquals("unknown", DaemonState.of(null));
    }

    @ParameterizedTest
    @CsvSource({"HEALTH_OK,HEALTH_OK", "HEALTH_WARN,HEALTH_WARN", "HEALTH_ERR,HEALTH_ERR", "HEALTH_UNKNOWN,unknown",
            "'',unknown", "ok,unknown"})
    void healthWords(String text, String expected) {
        assertEquals(expected, HealthStatus.of(text));
    }

    @Test
    void theLocalNodeIsAskedEvenWhenAnotherSortsFirst() {
        JsonValue status = FixtureScenario.parse("""
                [{"type": "cluster", "name": "c"},
                 {"type": "node", "name": "alpha", "online": 1, "local": 0},
                 {"type": "node", "name": "zulu", "online": 1, "local": "1"}]""");
        assertEquals("zulu", ClusterStatus.nodeToAsk(status));
        assertEquals("c", ClusterStatus.clusterName(status));
    }

    @Test
    void daemonIdsLoseTheirTypePrefix() {
        assertEquals("pve1", DaemonMapper.daemonId("mon", "mon.pve1"));
        assertEquals("pve1", DaemonMapper.daemonId("mon", "pve1"));
        assertEquals("mgr.x", DaemonMapper.daemonId("mon", "mgr.x"));
    }
}

package org.cephsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * NetBox's API tokens on the real server, as NetBox clients use them: provisioned with a user name and
 * password at /api/users/tokens/provision/, sent as "Token <40 hex>" (v1, pynetbox) or
 * "Bearer nbt_<key>.<token>" (v2), with the user's roles, refused for writes when not write-enabled,
 * listed without their secret, revoked by their owner, useless once expired, and never logged.
 */
@ExtendWith(ArquillianExtension.class)
class ApiTokensIT {

    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        ServerLog.capture();
        SnapshotDir snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-tokens"))
                .put(System.currentTimeMillis() / 1000 % 100_000_000L * 10 + 1, "tokens", "pve8-reef-18.2.7", "healthy");
        proxbox = new ProxboxStandIn(snapshot.root(), TestDeployment.API_KEY).start();
        return TestDeployment.war(proxbox);
    }

    @AfterAll
    static void stopStandIn() {
        if (proxbox != null) {
            proxbox.close();
        }
    }

    private AdminClient anonymous() throws Exception {
        return new AdminClient(base.toURI(), null);
    }

    private AdminClient.Answer call(String authorization, String method, String path, String body) throws Exception {
        return anonymous().call(method, path, body, Map.of("Authorization", authorization));
    }

    private JsonObject provision(TestUsers.User user, String extra) throws Exception {
        AdminClient.Answer answer = anonymous().call("POST", "api/users/tokens/provision/",
                "{\"username\":\"" + user.name() + "\",\"password\":\"" + user.password() + "\"" + extra + "}");
        assertEquals(201, answer.status(), () -> answer.body().toString());
        return answer.json();
    }

    @Test
    void aProvisionedV1TokenLogsTheUserInWithItsRolesAsPynetboxSendsIt() throws Exception {
        JsonObject token = provision(TestUsers.READER, "");

        assertEquals(1, token.getInt("version"));
        String secret = token.getString("key");
        assertTrue(secret.matches("[0-9a-f]{40}"), secret);
        assertEquals(secret, token.getString("token"));
        assertEquals(TestUsers.READER.name(), token.getJsonObject("user").getString("username"));
        assertTrue(token.getBoolean("write_enabled"));

        AdminClient.Answer whoami = call("Token " + secret, "GET", "api/whoami", null);
        assertEquals(200, whoami.status(), () -> whoami.body().toString());
        assertEquals(TestUsers.READER.name(), whoami.json().getString("username"));
        assertEquals(200, call("Token " + secret, "GET", "api/plugins/ceph/osds/?limit=1", null).status());
        assertEquals(403, call("Token " + secret, "POST", "api/sync/jobs", "{}").status(),
                "a write-enabled token of a reader still cannot start a run: roles come from the user");
    }

    @Test
    void aV2TokenWithoutWriteEnabledReadsButChangesNothingEvenForAnAdmin() throws Exception {
        JsonObject token = provision(TestUsers.ADMIN, ",\"version\":2,\"write_enabled\":false,\"description\":\"grafana\"");

        assertEquals(2, token.getInt("version"));
        String bearer = "Bearer nbt_" + token.getString("key") + "." + token.getString("token");
        assertTrue(bearer.matches("Bearer nbt_[A-Za-z0-9]{12}\\.[A-Za-z0-9]{40}"), bearer);
        AdminClient.Answer read = call(bearer, "GET", "api/plugins/ceph/settings/", null);
        assertEquals(200, read.status(), () -> read.body().toString());

        AdminClient.Answer write = call(bearer, "PATCH", "api/plugins/ceph/settings/", "{}");
        assertEquals(403, write.status(), () -> write.body().toString());
        assertTrue(write.json().getString("detail").contains("write_enabled"), () -> write.body().toString());
        assertEquals(403, call(bearer, "POST", "api/sync/jobs", "{}").status());
        assertEquals(200, new AdminClient(base.toURI()).call("PATCH", "api/plugins/ceph/settings/", "{}").status(),
                "the same user with its password may");

        String wrongSecret = "Bearer nbt_" + token.getString("key") + "." + "A".repeat(40);
        assertEquals(401, call(wrongSecret, "GET", "api/whoami", null).status());
    }

    @Test
    void tokensAreListedWithoutTheirSecretAndRevokedByTheirOwner() throws Exception {
        JsonObject mine = provision(TestUsers.READER, "");
        JsonObject admins = provision(TestUsers.ADMIN, "");
        String reader = "Token " + mine.getString("token");
        String admin = "Token " + admins.getString("token");

        AdminClient.Answer list = call(reader, "GET", "api/users/tokens/", null);
        assertEquals(200, list.status(), () -> list.body().toString());
        List<JsonObject> rows = list.json().getJsonArray("results").getValuesAs(JsonObject.class);
        assertTrue(rows.stream().allMatch(t -> t.getJsonObject("user").getString("username").equals(TestUsers.READER.name())),
                "a reader sees only their own tokens: " + rows);
        assertTrue(ids(rows).contains(mine.getJsonNumber("id").longValue()), rows::toString);
        assertFalse(list.body().toString().contains(mine.getString("token")), "a listed token shows no secret");
        rows.forEach(t -> assertFalse(t.containsKey("token"), t::toString));
        assertEquals(JsonValue.NULL, rows.get(0).get("key"), "a v1 token's key is its secret: not shown again");

        Set<Long> all = ids(call(admin, "GET", "api/users/tokens/?limit=1000", null).json().getJsonArray("results")
                .getValuesAs(JsonObject.class));
        assertTrue(all.containsAll(Set.of(mine.getJsonNumber("id").longValue(), admins.getJsonNumber("id").longValue())),
                "an admin sees everyone's tokens: " + all);

        String adminsToken = "api/users/tokens/" + admins.getJsonNumber("id") + "/";
        assertEquals(404, call(reader, "DELETE", adminsToken, null).status(), "nobody else's token, to a reader");
        assertEquals(200, call(admin, "GET", "api/whoami", null).status(), "the admin's token still works");

        String myToken = "api/users/tokens/" + mine.getJsonNumber("id") + "/";
        assertEquals(204, call(reader, "DELETE", myToken, null).status());
        assertEquals(401, call(reader, "GET", "api/whoami", null).status(), "a revoked token logs nobody in");
        assertEquals(404, call(admin, "GET", myToken, null).status());
    }

    @Test
    void wrongCredentialsExpiredTokensAndProvisioningWithoutAPasswordAreRefused() throws Exception {
        AdminClient.Answer wrong = anonymous().call("POST", "api/users/tokens/provision/",
                "{\"username\":\"" + TestUsers.ADMIN.name() + "\",\"password\":\"not-" + TestUsers.ADMIN.password() + "\"}");
        assertEquals(403, wrong.status(), () -> wrong.body().toString());
        assertEquals(400, anonymous().call("POST", "api/users/tokens/provision/", "{\"username\":\"it-admin\"}").status());
        assertEquals(401, anonymous().call("POST", "api/users/tokens/", "{}").status(), "only provisioning goes without a login");
        assertEquals(401, call("Token " + "0".repeat(40), "GET", "api/whoami", null).status());
        assertEquals(400, anonymous().call("POST", "api/users/tokens/provision/", "{\"username\":\"" + TestUsers.READER.name()
                + "\",\"password\":\"" + TestUsers.READER.password() + "\",\"expires\":\"2020-01-01T00:00:00Z\"}").status(),
                "an expiry in the past");

        Instant soon = Instant.now().plusSeconds(2);
        String expiring = "Token " + provision(TestUsers.READER, ",\"expires\":\"" + soon + "\"").getString("token");
        while (!Instant.now().isAfter(soon.plusMillis(200))) {
            Thread.sleep(100);
        }
        assertEquals(401, call(expiring, "GET", "api/whoami", null).status(), "an expired token logs nobody in");
    }

    @Test
    void noTokenSecretIsLogged() throws Exception {
        JsonObject token = provision(TestUsers.READER, ",\"version\":2");
        String bearer = "Bearer nbt_" + token.getString("key") + "." + token.getString("token");
        assertEquals(200, call(bearer, "GET", "api/whoami", null).status());
        assertNotEquals(-1, ServerLog.text().indexOf("ceph-sync"), "the server's log is captured");
        assertFalse(ServerLog.text().contains(token.getString("token")), "the server logged a token's secret");
    }

    private static Set<Long> ids(List<JsonObject> rows) {
        return rows.stream().map(t -> t.getJsonNumber("id").longValue()).collect(Collectors.toSet());
    }
}

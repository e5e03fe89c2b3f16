package org.cephsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.cephsync.resource.CephResource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium (Debian's chromium and chromium-driver): sign in, start a sync
 * and watch it complete, open an OSD's details, restart a failed run, see an API error, and the same pages on
 * a phone-sized window. Screenshots go to {@code <build dir>/console-screenshots/} for a person to look at.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Logger LOG = Logger.getLogger(ConsoleIT.class.getName());
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10 + 7;
    private static final long REEF_ID = RUN;
    private static final long PACIFIC_ID = RUN + 1;
    private static final Duration SYNC = Duration.ofSeconds(120);

    private static SnapshotDir snapshot;
    private static ProxboxStandIn proxbox;
    private static WebDriver browser;
    private static Path userData;
    private static Path shots;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        // checked before anything is deployed: a server started for a test that cannot run would stay up and share
        // the next test class's rootdir (and its database)
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "the console test needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)");
        snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-console"))
                .put(REEF_ID, "lab-reef-" + RUN, "pve8-reef-18.2.7", "healthy")
                .put(PACIFIC_ID, "lab-pacific-" + RUN, "pve7-pacific-16.2.15", "degraded");
        proxbox = new ProxboxStandIn(snapshot.root(), TestDeployment.API_KEY).start();
        return TestDeployment.war(proxbox);
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        userData = Files.createTempDirectory("ceph-sync-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userData, "--window-size=1366,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 900));
        String war = System.getProperty("ceph-sync.war", "target/ceph-sync.war");
        shots = Path.of(war).toAbsolutePath().getParent().resolve("console-screenshots");
        Files.createDirectories(shots);
    }

    @AfterAll
    static void stopAll() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (proxbox != null) {
            proxbox.close();
        }
        if (userData != null) {
            try (var files = Files.walk(userData)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String console() {
        // the listener is bound to 127.0.0.1: do not let the browser try ::1 for "localhost"
        return "http://127.0.0.1:" + base.getPort() + base.getPath();
    }

    private AdminClient api() throws Exception {
        return new AdminClient(URI.create(console()));
    }

    @Test
    @Order(1)
    void signInRefusesAWrongPasswordThenLetsTheAdminIn() throws Exception {
        browser.get(console());
        WebElement user = waitFor(By.id("login-user"));
        shot("01-sign-in");
        user.sendKeys(TestUsers.ADMIN.name());
        browser.findElement(By.id("login-password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-submit")).click();
        WebElement error = wait(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertTrue(error.getText().contains("wrong password"), error.getText());

        signIn(TestUsers.ADMIN);
        waitFor(By.cssSelector("[data-test=start-sync]"));
        assertTrue(browser.findElement(By.id("whoami")).getText().contains(TestUsers.ADMIN.name()));
    }

    @Test
    @Order(2)
    void startASyncAndWatchItComplete() throws Exception {
        browser.get(console() + "#/runs");
        click(By.cssSelector("[data-test=start-sync]"));
        waitFor(By.cssSelector("[data-test=resource-full]"));
        for (String resource : CephResource.wireNames()) {
            assertTrue(browser.findElement(By.cssSelector("[data-test=resource-" + resource + "]")).isSelected(), resource + " is offered, checked");
        }
        shot("02-start-dialog");
        click(By.cssSelector("[data-test=start-confirm]"));
        wait(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().matches(".*#/runs/\\d+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*#/runs/", ""));
        String status = awaitRunStatus();
        assertEquals("COMPLETED", status);
        // stage figures on the page are the job's
        WebElement osds = browser.findElement(By.cssSelector("[data-test=stage-osds]"));
        assertTrue(osds.getText().contains("ok"), osds.getText());
        shot("03-run-completed");

        browser.get(console() + "#/runs");
        WebElement row = waitFor(By.cssSelector("[data-test=run-row][data-id='" + id + "']"));
        assertTrue(row.getText().contains("COMPLETED"), row.getText());
        assertTrue(row.findElement(By.cssSelector("[data-test=progress]")).getAttribute("aria-valuenow").equals("7"));
        shot("04-runs");
    }

    @Test
    @Order(3)
    void inventoryShowsClustersWithTheirChecksAndAnOsdsDetails() throws Exception {
        browser.get(console() + "#/inventory/clusters");
        wait(SYNC).until(d -> d.findElements(By.cssSelector("[data-test=cluster]")).size() >= 2);
        assertFalse(browser.findElements(By.cssSelector("[data-test=health-checks] li")).isEmpty(), "the degraded cluster lists its checks");
        shot("05-clusters");

        click(By.cssSelector("[data-test=tab-osds]"));
        waitFor(By.cssSelector("[data-test=inventory]"));
        new Select(waitFor(By.cssSelector("[data-test=endpoint-filter]"))).selectByValue(String.valueOf(REEF_ID));
        wait(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("endpoint=" + REEF_ID));
        WebElement osd3 = waitFor(By.cssSelector("[data-test=row][data-name='osd.3']"));
        assertTrue(osd3.getText().contains("up") && osd3.getText().contains("in"), osd3.getText());
        assertEquals(4, browser.findElements(By.cssSelector("[data-test=row]")).size(), "the reef endpoint has 4 OSDs");
        shot("06-osds");
        osd3.click();
        WebElement payload = waitFor(By.cssSelector("[data-test=payload]"));
        assertTrue(payload.getText().contains("ceph_metadata"), "the OSD's kept payload, with its Ceph metadata");
        assertTrue(browser.findElement(By.cssSelector("[data-test=row-fields]")).getText().contains("device_class"));
        shot("07-osd-details");
        click(By.cssSelector("[data-test=modal-close]"));

        click(By.cssSelector("[data-test=tab-pools]"));
        waitFor(By.cssSelector("[data-test=row]"));
        shot("08-pools");
    }

    @Test
    @Order(4)
    void aFailedRunIsRestartedFromTheConsole() throws Exception {
        AdminClient api = api();
        assertEquals(204, api.call("POST", "api/test/faults?resource=flags&after=1", null).status());
        try {
            browser.get(console() + "#/runs");
            click(By.cssSelector("[data-test=start-sync]"));
            click(By.cssSelector("[data-test=endpoint-" + PACIFIC_ID + "]"));
            click(By.cssSelector("[data-test=start-confirm]"));
            wait(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().matches(".*#/runs/\\d+$"));
            assertEquals("FAILED", awaitRunStatus());
        } finally {
            api.call("DELETE", "api/test/faults", null);
        }
        String failedUrl = browser.getCurrentUrl();
        WebElement flags = waitFor(By.cssSelector("[data-test=stage-flags]"));
        assertTrue(flags.getText().contains("error"), flags.getText());
        assertTrue(browser.findElement(By.cssSelector("[data-test=stages]")).getText().contains("injected failure"));
        shot("09-run-failed");

        click(By.cssSelector("[data-test=restart]"));
        wait(Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().equals(failedUrl));
        assertEquals("COMPLETED", awaitRunStatus());
        assertNotEquals(failedUrl, browser.getCurrentUrl(), "the restart is a new execution");
        shot("10-run-restarted");
    }

    @Test
    @Order(5)
    void aFailedBranchedRunShowsItsBranchWhoseMergeCanBeDryRun() throws Exception {
        long branchEndpoint = RUN + 2;
        snapshot.put(branchEndpoint, "lab-branch-" + RUN, "pve8-reef-18.2.7", "degraded");
        AdminClient api = api();
        api.settings("{\"branching_enabled\": true, \"branch_name_prefix\": \"console\"}");
        assertEquals(204, api.call("POST", "api/test/faults?resource=flags&after=1", null).status());
        try {
            browser.get(console() + "#/runs");
            click(By.cssSelector("[data-test=start-sync]"));
            // no endpoint ticked: every endpoint the source lists, the new one included (the others bring no change)
            click(By.cssSelector("[data-test=start-confirm]"));
            wait(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().matches(".*#/runs/\\d+$"));
            assertEquals("FAILED", awaitRunStatus());
        } finally {
            api.call("DELETE", "api/test/faults", null);
            api.settings("{\"branching_enabled\": false, \"branch_name_prefix\": \"ceph-sync\"}");
        }
        WebElement changes = waitFor(By.cssSelector("[data-test=branch-card] [data-test=changes]"));
        assertTrue(changes.getText().contains("create"), "the open branch lists the rows it created");
        click(By.cssSelector("[data-test=dry-run]"));
        WebElement result = wait(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test=merge-result] .form-ok")));
        assertTrue(result.getText().contains("Dry run"), result.getText());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('[data-test=branch-card]').scrollIntoView(); window.scrollBy(0, -64);");
        shot("11-branch-dry-run");

        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        String failedUrl = browser.getCurrentUrl();
        click(By.cssSelector("[data-test=restart]"));
        wait(Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().equals(failedUrl));
        assertEquals("COMPLETED", awaitRunStatus());
        WebElement merged = wait(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test=branch-card] .badge[data-status=merged]")));
        assertTrue(merged.isDisplayed());
    }

    @Test
    @Order(6)
    void settingsShowTheApisErrorsAndSave() throws Exception {
        browser.get(console() + "#/settings");
        WebElement prefix = waitFor(By.cssSelector("[data-test=branch-prefix]"));
        prefix.clear();
        prefix.sendKeys("not a prefix!");
        click(By.cssSelector("[data-test=save-settings]"));
        WebElement problem = waitFor(By.cssSelector("[data-test=settings-result] [data-test=problem]"));
        assertTrue(problem.getText().contains("400") && problem.getText().contains("branch_name_prefix"), problem.getText());
        shot("12-settings-error");

        prefix.clear();
        prefix.sendKeys("console-it");
        WebElement interval = browser.findElement(By.cssSelector("[data-test=interval]"));
        interval.clear();
        click(By.cssSelector("[data-test=save-settings]"));
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=settings-result] .form-ok")));
        assertEquals("console-it", api().get("api/plugins/ceph/settings/").getJsonArray("results").getJsonObject(0).getString("branch_name_prefix"));
        api().settings("{\"branch_name_prefix\":\"ceph-sync\"}");
        shot("13-settings-saved");
    }

    @Test
    @Order(7)
    void onAPhoneSizedWindow() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(console() + "#/runs");
            WebElement start = waitFor(By.cssSelector("[data-test=start-sync]"));
            assertTrue(start.isDisplayed());
            waitFor(By.cssSelector("[data-test=run-row]"));
            assertNoHorizontalScroll();
            shot("14-phone-runs");
            click(By.cssSelector("[data-test=run-row]"));
            waitFor(By.cssSelector("[data-test=stages]"));
            shot("15-phone-run");
            browser.get(console() + "#/inventory/osds?endpoint=" + REEF_ID);
            WebElement osd = waitFor(By.cssSelector("[data-test=row][data-name='osd.2']"));
            assertNoHorizontalScroll();
            shot("16-phone-osds");
            osd.click();
            waitFor(By.cssSelector("[data-test=payload]"));
            shot("17-phone-osd-details");
            click(By.cssSelector("[data-test=modal-close]"));
            browser.get(console() + "#/inventory/clusters");
            wait(SYNC).until(d -> d.findElements(By.cssSelector("[data-test=cluster]")).size() >= 2);
            shot("18-phone-clusters");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    @Order(8)
    void aReaderSeesNoAdminButtons() throws Exception {
        browser.get(console() + "#/runs");
        click(By.cssSelector("[data-test=logout]"));
        waitFor(By.id("login-user"));
        signIn(TestUsers.READER);
        waitFor(By.cssSelector("[data-test=run-row]"));
        assertTrue(browser.findElements(By.cssSelector("[data-test=start-sync]")).isEmpty());
        click(By.cssSelector("[data-test=run-row]"));
        waitFor(By.cssSelector("[data-test=stages]"));
        assertTrue(browser.findElements(By.cssSelector("[data-test=restart]")).isEmpty());
        browser.get(console() + "#/settings");
        assertFalse(waitFor(By.cssSelector("[data-test=save-settings]")).isEnabled());
        shot("19-reader-settings");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void signIn(TestUsers.User user) {
        WebElement name = waitFor(By.id("login-user"));
        name.clear();
        name.sendKeys(user.name());
        WebElement password = browser.findElement(By.id("login-password"));
        password.clear();
        password.sendKeys(user.password());
        browser.findElement(By.id("login-submit")).click();
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("view-login")));
    }

    /** Waits on a run's page until its status is final; returns it. */
    private String awaitRunStatus() {
        List<String> ended = List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
        return wait(SYNC).until(d -> {
            List<WebElement> badges = d.findElements(By.cssSelector("[data-test=run-status] .badge"));
            if (badges.isEmpty()) {
                return null;
            }
            String status = badges.get(0).getAttribute("data-status");
            return ended.contains(status) ? status : null;
        });
    }

    private void assertNoHorizontalScroll() {
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 1, "the page scrolls sideways on a phone by " + overflow + " px");
    }

    private WebElement waitFor(By by) {
        return wait(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(By by) {
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(200));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private void shot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = shots.resolve(name + ".png");
        Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
        LOG.info(() -> "screenshot " + target);
    }
}

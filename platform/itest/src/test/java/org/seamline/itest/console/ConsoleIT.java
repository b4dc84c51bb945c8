package org.seamline.itest.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.seamline.itest.ApiChannelClient;
import org.seamline.itest.SeamlineProcess;

/**
 * The console at /console/ in a real headless Chromium against the real distribution: signing in, the admin's
 * plugins and health, an agent finding a customer and replying, a message arriving live, a viewer refused, and a
 * plugin deployed by upload. Screenshots of each end in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {

    private static final String SECRET = "console-secret";
    private static final String AGENT = "agatha";
    private static final String AGENT_PASSWORD = "agatha-password-1";
    private static final String VIEWER = "vince";
    private static final String VIEWER_PASSWORD = "vince-password-1";
    /** Kept out of deploy/ at start, so the console can deploy it. */
    private static final String UPLOADED_PLUGIN = "seamline-channel-voice";

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    ApiChannelClient shop;
    HttpServer receiver;
    final List<String> callbacks = new CopyOnWriteArrayList<>();
    Path asidePlugin;
    Browser browser;

    @BeforeAll
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/callback", exchange -> {
            callbacks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        seamline = SeamlineProcess.unstarted(dir, Map.of());
        try (Stream<Path> jars = Files.list(seamline.home.resolve("deploy"))) {
            Path jar = jars.filter(f -> f.getFileName().toString().startsWith(UPLOADED_PLUGIN)).findFirst().orElseThrow();
            asidePlugin = Files.move(jar, dir.resolve(jar.getFileName()));
        }
        seamline.launch();
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=" + SECRET, "callbackUrl=http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback");
        shop.awaitServing();
        createUser(AGENT, AGENT_PASSWORD, "agent");
        createUser(VIEWER, VIEWER_PASSWORD, "viewer");
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        receiver.stop(0);
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser("http://127.0.0.1:" + seamline.port, Files.createTempDirectory(dir, "profile"));
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
        browser.close();
    }

    @Test
    void theConsoleIsServedToAnyoneUnderAStrictPolicyWhileTheApiStaysClosed() {
        HttpResponse<String> page = seamline.get("/console/", false);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<div id=\"app\">"), page.body());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals(302, seamline.get("/console", false).statusCode());
        assertEquals(404, seamline.get("/console/META-INF/MANIFEST.MF", false).statusCode());
        assertEquals(404, seamline.get("/console/org/seamline/console/internal/ConsoleServlet.class", false).statusCode());

        // The page's scripts are answered 401 without a Basic challenge (no browser password dialog over the form).
        HttpResponse<String> fromScript = seamline.send(HttpRequest.newBuilder(seamline.uri("/api/v1/session"))
                .header("Sec-Fetch-Dest", "empty").build());
        assertEquals(401, fromScript.statusCode());
        assertTrue(fromScript.headers().firstValue("WWW-Authenticate").isEmpty());
        HttpResponse<String> fromCurl = seamline.get("/api/v1/session", false);
        assertEquals(401, fromCurl.statusCode());
        assertTrue(fromCurl.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
    }

    @Test
    void theAdminSignsInAndSeesPluginsAndHealth() {
        browser.open("/console/");
        browser.await(By.id("signin-password")).sendKeys("wrong-password-1");
        browser.driver().findElement(By.id("signin-username")).sendKeys("admin");
        browser.driver().findElement(By.cssSelector("form.signin button[type=submit]")).click();
        browser.await(By.cssSelector(".error[data-status='401']"));

        browser.signIn("admin", SeamlineProcess.ADMIN_PASSWORD);
        assertEquals("admin", browser.driver().findElement(By.cssSelector(".whoami")).getAttribute("data-role"));
        browser.driver().findElement(By.linkText("Plugins")).click();
        WebElement api = browser.await(By.cssSelector("tr[data-plugin*='channel.api']"));
        assertTrue(api.getText().contains("shop"), "the API channel lists its instance: " + api.getText());
        assertTrue(api.findElement(By.cssSelector(".health")).getText().equals("UP"), api.getText());

        browser.driver().findElement(By.linkText("Health")).click();
        assertEquals("UP", browser.await(By.cssSelector("[data-health]")).getAttribute("data-health"));
        browser.await(By.cssSelector("tr[data-component='store']"));
        browser.screenshot("admin-health");

        // Russian labels on request, remembered across a reload.
        browser.driver().findElement(By.cssSelector("button.lang")).click();
        browser.driver().navigate().refresh();
        browser.awaitText("header nav", "Входящие");
        browser.driver().findElement(By.cssSelector("button.lang")).click();
        browser.awaitText("header nav", "Inbox");
        String session = browser.driver().manage().getCookieNamed("seamline-session").getValue();
        browser.signOut();
        HttpResponse<String> ended = seamline.send(HttpRequest.newBuilder(seamline.uri("/api/v1/session"))
                .header("Cookie", "seamline-session=" + session).build());
        assertEquals(401, ended.statusCode(), "signing out ends the session on the server, not just in the browser");
    }

    @Test
    void anAgentFindsTheCustomerAndRepliesWithAFile() throws Exception {
        postMessage("find-1", "alma@example.com", "Alma Findley", "Where is parcel 77?");
        browser.signIn(AGENT, AGENT_PASSWORD);
        browser.driver().findElement(By.linkText("Customers")).click();
        browser.await(By.id("customer-query")).sendKeys("Findley");
        browser.driver().findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        browser.awaitText(".rows li", "Alma Findley").findElement(By.tagName("a")).click();
        browser.await(By.cssSelector(".customer-details")).findElement(By.cssSelector("ul.plain li a[href^='#/inbox/']")).click();

        browser.awaitText(".entry.message.in", "Where is parcel 77?");
        Select channel = new Select(browser.await(By.cssSelector(".composer select[name=channel]")));
        assertEquals("api", channel.getFirstSelectedOption().getAttribute("value"), "defaults to where the customer wrote");
        browser.driver().findElement(By.id("composer-text")).sendKeys("It left the warehouse today.");
        Path receipt = Files.writeString(dir.resolve("receipt-77.txt"), "parcel 77: dispatched");
        browser.driver().findElement(By.cssSelector(".composer input[type=file]")).sendKeys(receipt.toString());
        browser.driver().findElement(By.cssSelector(".composer button[type=submit]")).click();

        WebElement reply = browser.awaitText(".entry.message.out", "It left the warehouse today.");
        WebElement file = reply.findElement(By.cssSelector(".files a"));
        assertTrue(file.getText().startsWith("receipt-77.txt"), file.getText());
        assertTrue(file.getAttribute("href").contains("/api/v1/attachments/"), file.getAttribute("href"));
        await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.stream()
                .anyMatch(c -> c.contains("It left the warehouse today.") && c.contains("receipt-77.txt")));
        browser.screenshot("agent-replied");
    }

    @Test
    void aNewInboundMessageAppearsInTheOpenConversationWithoutReload() {
        String conversation = postMessage("live-1", "lena@example.com", "Lena Live", "First question");
        browser.signIn(AGENT, AGENT_PASSWORD);
        browser.open("/console/#/inbox/" + conversation);
        browser.awaitText(".entry.message.in", "First question");
        Object marker = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.__loaded = Math.random();");

        postMessage("live-2", "lena@example.com", "Lena Live", "Second question, live");
        browser.awaitText(".entry.message.in", "Second question, live");
        assertEquals(marker, ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.__loaded;"),
                "the page was not reloaded");
    }

    @Test
    void anAgentIsWarnedBeforeSendingWhenSomeoneElseAnsweredMeanwhile() {
        String conversation = postMessage("meanwhile-1", "mia@example.com", "Mia Meanwhile", "Anyone there?");
        browser.signIn(AGENT, AGENT_PASSWORD);
        browser.open("/console/#/inbox/" + conversation);
        browser.awaitText(".entry.message.in", "Anyone there?");
        browser.await(By.id("composer-text")).sendKeys("Yes, I am here.");
        HttpResponse<String> colleague = seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"The admin was faster.\"}");
        assertEquals(202, colleague.statusCode(), colleague.body());

        browser.driver().findElement(By.cssSelector(".composer button[type=submit]")).click();
        Alert warning = browser.until(ExpectedConditions.alertIsPresent());
        assertTrue(warning.getText().contains("answered this conversation while you were writing"), warning.getText());
        warning.dismiss();
        assertEquals("Yes, I am here.", browser.driver().findElement(By.id("composer-text")).getAttribute("value"), "the draft is kept");
        assertEquals(List.of("The admin was faster."), outboundTexts(conversation), "declining sends nothing");

        browser.driver().findElement(By.cssSelector(".composer button[type=submit]")).click();
        browser.awaitText(".entry.message.out", "Yes, I am here.");
        assertEquals(List.of("The admin was faster.", "Yes, I am here."), outboundTexts(conversation));
    }

    @Test
    void aChannelTheCustomerWithdrewConsentForIsOfferedDisabledWithTheReason() {
        String conversation = postMessage("consent-1", "otto@example.com", "Otto Optout", "Stop writing to me here");
        String customer = seamline.getJson("/api/v1/conversations/" + conversation).get("customerId").asText();
        HttpResponse<String> withdrawn = seamline.asAdmin("POST", "/api/v1/customers/" + customer + "/consents",
                "{\"channel\":\"api\",\"purpose\":\"service\",\"granted\":false}");
        assertTrue(withdrawn.statusCode() / 100 == 2, withdrawn.body());
        browser.signIn(AGENT, AGENT_PASSWORD);
        browser.open("/console/#/inbox/" + conversation);
        browser.awaitText(".entry.message.in", "Stop writing to me here");
        browser.await(By.id("composer-text")).sendKeys("One more thing");
        browser.driver().findElement(By.cssSelector(".composer button[type=submit]")).click();

        WebElement refused = browser.await(By.cssSelector(".composer .error[data-status='403']"));
        assertEquals("no_consent", refused.getAttribute("data-code"));
        WebElement option = browser.driver().findElement(By.cssSelector(".composer select[name=channel] option[value=api]"));
        assertTrue(!option.isEnabled() && option.getText().contains("cannot reach"), option.getText());
        assertEquals("One more thing", browser.driver().findElement(By.id("composer-text")).getAttribute("value"));
        assertEquals(List.of(), outboundTexts(conversation));
    }

    @Test
    void aViewerIsRefusedAChangeAndSeesWhy() {
        String conversation = postMessage("view-1", "vic@example.com", "Vic Viewed", "Can a viewer help?");
        browser.signIn(VIEWER, VIEWER_PASSWORD);
        browser.open("/console/#/inbox/" + conversation);
        browser.awaitText(".entry.message.in", "Can a viewer help?");
        browser.driver().findElement(By.xpath("//button[normalize-space()='Assign to me']")).click();
        WebElement refused = browser.await(By.cssSelector(".conversation .error[data-status='403']"));
        assertEquals("forbidden", refused.getAttribute("data-code"));
        assertTrue(seamline.getJson("/api/v1/conversations/" + conversation).get("assignee").isNull(), "nothing changed");
    }

    @Test
    void theAdminDeploysAPluginByUpload() {
        browser.signIn("admin", SeamlineProcess.ADMIN_PASSWORD);
        browser.open("/console/#/admin/plugins");
        browser.await(By.cssSelector("tr[data-plugin*='channel.api']"));
        browser.driver().findElement(By.id("plugin-file")).sendKeys(asidePlugin.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("form[aria-label] button[type=submit]")).click();

        browser.await(By.cssSelector("tr[data-plugin*='channel.voice']"));
        JsonNode plugins = seamline.getJson("/api/v1/plugins").get("items");
        assertTrue(Stream.of(plugins).flatMap(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false))
                .anyMatch(p -> p.get("id").asText().contains("channel.voice") && p.get("state").asText().equals("ACTIVE")),
                "the uploaded plugin runs: " + plugins);
    }

    @Test
    void theAdminCreatesAnInstanceThroughTheSettingsFormAndFindsItInTheAuditLog() {
        String pid = "org.seamline.channel.api";
        browser.signIn("admin", SeamlineProcess.ADMIN_PASSWORD);
        browser.driver().findElement(By.linkText("Plugins")).click();
        browser.await(By.cssSelector("tr[data-plugin*='channel.api']")).findElement(By.linkText("Settings")).click();
        WebElement kind = browser.await(By.cssSelector("article[data-factory-pid='" + pid + "']"));
        browser.until(d -> kind.getText().contains("shop") ? kind : null);
        kind.findElement(By.xpath(".//button[normalize-space()='New instance']")).click();
        WebElement form = browser.await(By.cssSelector("article[data-factory-pid='" + pid + "'] form.settings-form[data-instance='']"));
        form.findElement(By.name("instance-name")).sendKeys("desk");
        WebElement secret = form.findElement(By.name("secret"));
        assertEquals("password", secret.getAttribute("type"));
        secret.sendKeys("desk-secret-1");
        WebElement size = form.findElement(By.name("maxBodyBytes"));
        assertEquals("262144", size.getAttribute("value"), "a new instance starts from the form's defaults");
        size.clear();
        size.sendKeys("1.5");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement refused = browser.await(By.cssSelector("form.settings-form .field-error[data-field='maxBodyBytes']"));
        assertTrue(refused.getText().contains("whole number"), refused.getText());
        assertEquals(404, seamline.get("/api/v1/settings/" + pid + "/desk", true).statusCode(), "nothing was saved");

        size.clear();
        size.sendKeys("65536");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(By.cssSelector("article[data-factory-pid='" + pid + "'] li[data-instance='desk']"));
        JsonNode saved = seamline.getJson("/api/v1/settings/" + pid + "/desk");
        assertEquals("65536", saved.get("values").get("maxBodyBytes").get(0).asText());
        assertTrue(saved.get("secretsSet").toString().contains("secret"), saved.toString());
        browser.screenshot("settings-saved");

        // Another admin changes the instance while this one edits it: the save is refused, not silently overwritten.
        WebElement desk = browser.await(By.cssSelector("li[data-instance='desk']"));
        desk.findElement(By.xpath(".//button[normalize-space()='Edit']")).click();
        WebElement edit = browser.await(By.cssSelector("form.settings-form[data-instance='desk']"));
        assertEquals("", edit.findElement(By.name("secret")).getAttribute("value"), "a secret is never sent to the browser");
        assertTrue(edit.getText().contains("Set — leave empty to keep it."), edit.getText());
        HttpResponse<String> meanwhile = seamline.asAdmin("PUT", "/api/v1/settings/" + pid + "/desk",
                "{\"revision\":\"" + saved.get("revision").asText() + "\",\"values\":{\"callbackTimeoutMillis\":5000}}");
        assertEquals(200, meanwhile.statusCode(), meanwhile.body());
        edit.findElement(By.name("maxBodyBytes")).clear();
        edit.findElement(By.name("maxBodyBytes")).sendKeys("70000");
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        browser.awaitText("form.settings-form[data-instance='desk'] .error", "changed this instance meanwhile");
        assertEquals("65536", seamline.getJson("/api/v1/settings/" + pid + "/desk").get("values").get("maxBodyBytes").get(0).asText());
        edit.findElement(By.xpath(".//button[normalize-space()='Reload']")).click();
        browser.until(d -> "5000".equals(d.findElement(By.cssSelector("form.settings-form[data-instance='desk'] [name=callbackTimeoutMillis]"))
                .getAttribute("value")));
        WebElement size2 = browser.driver().findElement(By.cssSelector("form.settings-form[data-instance='desk'] [name=maxBodyBytes]"));
        size2.clear();
        size2.sendKeys("70000");
        // The form is re-rendered from the reloaded values; submit only once the typed value is the form's value.
        browser.until(d -> "70000".equals(d.findElement(By.cssSelector("form.settings-form[data-instance='desk'] [name=maxBodyBytes]"))
                .getAttribute("value")));
        browser.driver().findElement(By.cssSelector("form.settings-form[data-instance='desk'] button[type=submit]")).click();
        browser.until(d -> d.findElements(By.cssSelector("form.settings-form[data-instance='desk']")).isEmpty());
        JsonNode changed = seamline.getJson("/api/v1/settings/" + pid + "/desk").get("values");
        assertEquals("70000", changed.get("maxBodyBytes").get(0).asText());
        assertEquals("5000", changed.get("callbackTimeoutMillis").get(0).asText(), "the other admin's change stays");
        assertTrue(seamline.getJson("/api/v1/settings/" + pid + "/desk").get("secretsSet").toString().contains("secret"),
                "saving with the secret left empty kept it");

        browser.driver().findElement(By.linkText("Audit log")).click();
        browser.await(By.cssSelector("tr[data-action='user.created']"));
        new Select(browser.await(By.cssSelector("form[role=search] select[name=action]"))).selectByValue("instance.");
        browser.driver().findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        browser.until(d -> d.findElements(By.cssSelector("tr[data-action^='user.']")).isEmpty());
        WebElement row = browser.awaitText("tr[data-action='instance.created']", pid + "~desk");
        assertTrue(row.getText().contains("admin"), row.getText());
        assertTrue(browser.driver().findElements(By.cssSelector("tbody tr:not([data-action^='instance.'])")).isEmpty(),
                "the family filter shows instance actions only");
    }

    @Test
    void theFiguresScreenShowsNumbersAndFollowsNewMessages() {
        postMessage("figures-1", "fay@example.com", "Fay Figures", "Counting on you");
        browser.signIn("admin", SeamlineProcess.ADMIN_PASSWORD);
        browser.driver().findElement(By.linkText("Figures")).click();
        WebElement open = browser.await(By.cssSelector("[data-figure='open'] dd"));
        assertTrue(Integer.parseInt(open.getText()) >= 1, open.getText());
        assertTrue(Integer.parseInt(browser.driver().findElement(By.cssSelector("[data-figure='unassigned'] dd")).getText()) >= 1);
        WebElement chart = browser.await(By.cssSelector("figure.minute-chart[data-channel='api']"));
        int before = Integer.parseInt(chart.getAttribute("data-in"));
        assertTrue(before >= 1, "the message just posted is counted: " + chart.getText());
        assertTrue(!chart.findElements(By.cssSelector("svg rect.in")).isEmpty(), "and drawn");

        postMessage("figures-2", "fay@example.com", "Fay Figures", "And once more");
        browser.until(d -> Integer.parseInt(d.findElement(By.cssSelector("figure.minute-chart[data-channel='api']"))
                .getAttribute("data-in")) > before);
        browser.screenshot("figures");
    }

    @Test
    void anAgentSeesNoAdminScreensAndIsRefusedTheAuditLog() {
        browser.signIn(AGENT, AGENT_PASSWORD);
        assertTrue(browser.driver().findElements(By.linkText("Audit log")).isEmpty());
        assertTrue(browser.driver().findElements(By.linkText("Settings")).isEmpty());
        browser.open("/console/#/admin/audit");
        assertEquals("forbidden", browser.await(By.cssSelector(".error[data-status='403']")).getAttribute("data-code"));
    }

    @Test
    void theInboxFiltersByAssigneeOnTheServer() {
        String mine = postMessage("who-1", "wendy@example.com", "Wendy Who", "Assign me please");
        String nobodys = postMessage("who-2", "nora@example.com", "Nora Nobody", "Nobody yet");
        HttpResponse<String> assigned = seamline.asAdmin("PATCH", "/api/v1/conversations/" + mine, "{\"assignee\":\"" + AGENT + "\"}");
        assertEquals(200, assigned.statusCode(), assigned.body());
        browser.signIn(AGENT, AGENT_PASSWORD);
        browser.await(By.xpath("//fieldset//label[normalize-space()='Mine']")).click();
        browser.await(By.cssSelector(".rows li[data-conversation='" + mine + "']"));
        assertTrue(browser.driver().findElements(By.cssSelector(".rows li[data-conversation='" + nobodys + "']")).isEmpty());
        browser.driver().findElement(By.xpath("//fieldset//label[normalize-space()='Unassigned']")).click();
        browser.await(By.cssSelector(".rows li[data-conversation='" + nobodys + "']"));
        assertTrue(browser.driver().findElements(By.cssSelector(".rows li[data-conversation='" + mine + "']")).isEmpty());
    }

    private List<String> outboundTexts(String conversation) {
        List<String> texts = new java.util.ArrayList<>();
        for (JsonNode entry : seamline.getJson("/api/v1/conversations/" + conversation + "/messages?limit=500").get("items")) {
            if (entry.get("kind").asText().equals("message") && entry.get("direction").asText().equals("out")) {
                texts.add(entry.get("text").asText());
            }
        }
        return texts;
    }

    /** Posts a customer's message through the API channel and returns its conversation once processed. */
    private String postMessage(String id, String email, String name, String text) {
        String body = "{\"id\":\"" + id + "\",\"from\":{\"email\":\"" + email + "\",\"name\":\"" + name + "\"},\"text\":\"" + text + "\"}";
        HttpResponse<String> posted = shop.post(body, SECRET);
        assertEquals(201, posted.statusCode(), posted.body());
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode found = seamline.getJson("/api/v1/customers?identifier=email:" + email).get("items");
            if (found.isEmpty()) {
                return null;
            }
            JsonNode conversations = seamline.getJson("/api/v1/conversations?customerId=" + found.get(0).get("id").asText()).get("items");
            return conversations.isEmpty() ? null : conversations.get(0).get("id").asText();
        }, java.util.Objects::nonNull);
    }

    private void createUser(String username, String password, String role) {
        HttpResponse<String> created = seamline.asAdmin("POST", "/api/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, created.statusCode(), created.body());
    }
}

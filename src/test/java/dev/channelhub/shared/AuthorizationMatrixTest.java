package dev.channelhub.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The authorization matrix ({@code authz-matrix.txt}): every OpenAPI operation and every GraphQL root field with the
 * roles the contract allows, walked with each kind of caller. A cell is one (operation, caller) pair and one dynamic
 * test; an operation without a row (or a row without an operation) fails {@link #everyOperationHasARow()}.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String MATRIX = "authz-matrix.txt";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final Set<String> ROLES = Set.of("admin", "manager", "sales", "integration", "partner");

    /** The callers, in the order the matrix walks them (who is tried first matters only for writes). */
    enum Who {
        NOROLE("norole"), PARTNER_B("partnerB"), OTHER_TENANT("otherTenant"), SALES("sales"), MANAGER("manager"),
        INTEGRATION("integration"), PARTNER_A("partnerA"), ADMIN("admin");

        final String label;

        Who(String label) {
            this.label = label;
        }

        static Who of(String label) {
            return Stream.of(values()).filter(w -> w.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown caller " + label));
        }
    }

    /** One line of the matrix. {@code expected} per caller: "ok", "403" or "404". */
    record Row(int line, String op, Set<String> allowed, Map<Who, String> expected, Set<String> businessCodes,
               String fresh, Map<Who, String> pending, String request) {

        boolean graphql() {
            return Character.isLowerCase(op.charAt(0));
        }

        /** The operation without its variant label ("PATCH /api/v1/channels/{id} [creditLimit]" is a second row of it). */
        String operation() {
            int bracket = op.indexOf(" [");
            return bracket < 0 ? op : op.substring(0, bracket);
        }

        String method() {
            return op.substring(0, op.indexOf(' '));
        }

        String field() {
            String operation = operation();
            return operation.substring(operation.indexOf(' ') + 1);
        }
    }

    // ---- (a) coverage

    @Test
    void everyOperationHasARow() throws IOException {
        Set<String> served = new TreeSet<>();
        JsonNode paths = JSON.readTree(Files.readString(Path.of("openapi/openapi.json"))).get("paths");
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(m)) {
                served.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        var registry = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls")));
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            registry.getType(root, ObjectTypeDefinition.class).ifPresent(t -> t.getFieldDefinitions()
                    .forEach(f -> served.add(root.toLowerCase(Locale.ROOT) + " " + f.getName())));
        }
        Set<String> rows = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (Row r : rows()) {
            rows.add(r.operation());
            if (!keys.add(r.op())) {
                twice.add(r.op());
            }
        }
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(rows);
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(served);
        assertTrue(missing.isEmpty() && stale.isEmpty() && twice.isEmpty(),
                "src/test/resources/" + MATRIX + " must have exactly one row per operation.\n  without a row: " + missing
                        + "\n  rows for operations that do not exist: " + stale + "\n  rows twice: " + twice);
        assertTrue(served.size() > 150, "read the contract files: " + served.size());
    }

    // ---- (b) the walk

    @TestFactory
    Stream<DynamicTest> matrix() {
        Fixture f = Fixture.build();
        List<String> pendingToday = new ArrayList<>();
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : rows()) {
            // Denied callers change nothing, so they share one fresh resource; every allowed caller gets its own, and so
            // does a pending cell (today it may still succeed).
            Map<String, String> sharedByDenied = new HashMap<>();
            for (Who who : Who.values()) {
                String expected = row.expected().get(who);
                String name = row.op() + " × " + who.label + " → " + expected;
                cells.add(DynamicTest.dynamicTest(name, () -> {
                    Map<String, String> fresh = Map.of();
                    if (row.fresh() != null && (expected.equals("ok") || row.pending().containsKey(who))) {
                        fresh = f.fresh(row.fresh());
                    } else if (row.fresh() != null) {
                        if (sharedByDenied.isEmpty()) {
                            sharedByDenied.putAll(f.fresh(row.fresh()));
                        }
                        fresh = sharedByDenied;
                    }
                    cell(f, row, who, expected, fresh, pendingToday);
                }));
            }
        }
        cells.add(DynamicTest.dynamicTest("pending cells", () -> {
            System.out.println("Authorization matrix: " + (cells.size() - 1) + " cells, " + pendingToday.size()
                    + " pending on other branches:\n  " + String.join("\n  ", pendingToday));
        }));
        return cells.stream();
    }

    private static void cell(Fixture f, Row row, Who who, String expected, Map<String, String> fresh, List<String> pendingToday) {
        Map<String, String> vars = new HashMap<>(f.vars);
        vars.put("uniq", f.uniq());
        vars.putAll(fresh);
        String actual = row.graphql() ? graphql(f, row, who, vars) : rest(f, row, who, vars);
        String outcome = actual.split(" ", 2)[0];
        String reason = row.pending().get(who);
        if (reason != null && !expected.equals(outcome)) {
            pendingToday.add(row.op() + " × " + who.label + ": " + reason + " (expected " + expected + ", today " + outcome + ")");
            Assumptions.abort("pending " + reason + ": expected " + expected + ", today " + actual);
        }
        assertEquals(expected, outcome, "matrix line " + row.line() + ": " + row.op() + " as " + who.label + " → " + actual);
    }

    /** Returns "ok", "403", "404" or another status/code, followed by the answer for the failure message. */
    private static String rest(Fixture f, Row row, Who who, Map<String, String> vars) {
        String request = substitute(row.request(), vars);
        int space = request.indexOf(' ');
        String path = space < 0 ? request : request.substring(0, space);
        String body = space < 0 ? null : request.substring(space + 1);
        if (path.startsWith("/api/v1/events/stream")) {
            // An event stream does not end: read its status (and the problem when refused), then hang up.
            try (var stream = dev.channelhub.support.SseClient.open(f.tokens.get(who), path)) {
                return classify(row, stream.status, stream.body == null ? "" : stream.body);
            }
        }
        var spec = Api.as(f.tokens.get(who));
        if (body != null && row.method().equals("POST") && path.startsWith("/api/v1/imports/")) {
            // An import upload is a file of rows (NDJSON here), not a JSON document; bytes keep the media type exact.
            spec.contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8));
        } else if (body != null) {
            spec.body(body);
        }
        Response r = spec.request(row.method(), path);
        return classify(row, r.statusCode(), r.asString());
    }

    private static String classify(Row row, int status, String text) {
        if (status >= 200 && status < 300) {
            return "ok " + status;
        }
        String code = status >= 400 && text.startsWith("{") ? parse(text).path("code").asText(null) : null;
        if (code != null && row.businessCodes().contains(code)) {
            return "ok " + status + " " + code;
        }
        if ((status == 403 && !"FORBIDDEN".equals(code)) || (status == 404 && !"NOT_FOUND".equals(code))
                || (status == 400 && !"VALIDATION_FAILED".equals(code))) {
            return status + "-without-its-code " + text;
        }
        return status + " " + text;
    }

    private static String graphql(Fixture f, Row row, Who who, Map<String, String> vars) {
        String document = substitute(row.request(), vars);
        if (row.method().equals("subscription")) {
            return Subscriptions.classify(f, f.tokens.get(who), document, vars);
        }
        Response r = Api.graphql(f.tokens.get(who), document);
        if (r.statusCode() == 403) {
            return "403 (HTTP) " + r.asString();
        }
        if (r.statusCode() != 200) {
            return r.statusCode() + " (HTTP) " + r.asString();
        }
        String text = r.asString();
        JsonNode answer = parse(text);
        JsonNode errors = answer.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return "ok";
        }
        String code = errors.get(0).path("extensions").path("code").asText(null);
        if (row.businessCodes().contains(code)) {
            return "ok " + code;
        }
        JsonNode data = answer.path("data").path(row.field());
        // a list of nulls with an error (nodes(ids) where no id is readable) is that error, like a null field
        boolean noData = data.isMissingNode() || data.isNull()
                || (data.isArray() && !data.isEmpty() && java.util.stream.StreamSupport.stream(data.spliterator(), false).allMatch(JsonNode::isNull));
        if (!noData) {
            return "data-with-error " + text;
        }
        return switch (String.valueOf(code)) {
            case "FORBIDDEN" -> "403 " + text;
            case "NOT_FOUND" -> "404 " + text;
            case "VALIDATION_FAILED" -> "400 " + text;
            default -> code + " " + text;
        };
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    static String substitute(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no fixture value for ${" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    // ---- the matrix file

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Map<Who, String> globalPending = new LinkedHashMap<>();
        List<String> lines;
        try (InputStream in = AuthorizationMatrixTest.class.getClassLoader().getResourceAsStream(MATRIX)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@pending ")) {
                String[] parts = line.split("\\s+");
                for (String who : parts[1].split(",")) {
                    globalPending.put(Who.of(who), parts[2]);
                }
                continue;
            }
            rows.add(parse(i + 1, line, globalPending));
        }
        return rows;
    }

    private static Row parse(int lineNo, String line, Map<Who, String> globalPending) {
        String[] cols = line.split("\\s+\\|\\s*", 4);
        if (cols.length != 4) {
            throw new IllegalStateException(MATRIX + ":" + lineNo + ": want 'operation | roles | options | request'");
        }
        String op = cols[0].strip();
        Set<String> allowed = new LinkedHashSet<>(List.of(cols[1].strip().split("\\s+")));
        allowed.remove("-");
        for (String role : allowed) {
            if (!ROLES.contains(role)) {
                throw new IllegalStateException(MATRIX + ":" + lineNo + ": unknown role " + role);
            }
        }
        Map<String, String> options = new HashMap<>();
        Map<Who, String> pending = new LinkedHashMap<>(globalPending);
        for (String token : cols[2].strip().split("\\s+")) {
            if (token.isEmpty() || token.equals("-")) {
                continue;
            }
            int eq = token.indexOf('=');
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            if (key.equals("pending")) {
                String[] whoAndBranch = value.split(":", 2);
                for (String who : whoAndBranch[0].split(",")) {
                    pending.put(Who.of(who), whoAndBranch[1]);
                }
            } else {
                options.put(key, value);
            }
        }
        boolean byId = op.replaceAll(" \\[.*", "").contains("{");
        Function<Boolean, String> okOr403 = b -> b ? "ok" : "403";
        Map<Who, String> expected = new LinkedHashMap<>();
        expected.put(Who.ADMIN, okOr403.apply(allowed.contains("admin")));
        expected.put(Who.MANAGER, okOr403.apply(allowed.contains("manager")));
        expected.put(Who.SALES, okOr403.apply(allowed.contains("sales")));
        expected.put(Who.INTEGRATION, okOr403.apply(allowed.contains("integration")));
        expected.put(Who.PARTNER_A, okOr403.apply(allowed.contains("partner")));
        expected.put(Who.PARTNER_B, options.getOrDefault("B", allowed.contains("partner") ? "404" : "403"));
        expected.put(Who.NOROLE, "403");
        expected.put(Who.OTHER_TENANT, options.getOrDefault("T", !allowed.contains("admin") ? "403" : byId ? "404" : "ok"));
        for (String explicit : List.of("A", "admin", "manager", "sales", "integration")) {
            if (options.containsKey(explicit)) {
                expected.put(explicit.equals("A") ? Who.PARTNER_A : Who.of(explicit), options.get(explicit));
            }
        }
        Set<String> business = options.containsKey("ok") ? Set.of(options.get("ok").split(",")) : Set.of();
        return new Row(lineNo, op, allowed, expected, business, options.get("fresh"), pending, cols[3].strip());
    }

    /**
     * {@code orderStatusChanged} over graphql-transport-ws. A denied subscription answers with an {@code error} message;
     * an allowed one is proven by an event: orders are placed on the partner's channel until one arrives (the feed may
     * start listening a little after the subscribe message), so no fixed wait.
     */
    static final class Subscriptions implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile Integer closedWith;

        static String classify(Fixture f, String token, String document, Map<String, String> vars) {
            Subscriptions s = new Subscriptions();
            WebSocket ws;
            try {
                ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                        .header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(10))
                        .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/graphql"), s).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                return "refused " + e;
            }
            try {
                ws.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).join();
                JsonNode ack = s.next(10);
                if (ack == null || !"connection_ack".equals(ack.path("type").asText())) {
                    return (s.closedWith != null && s.closedWith == 4403 ? "403" : "no-ack") + " " + ack + " close " + s.closedWith;
                }
                ObjectNode subscribe = JSON.createObjectNode().put("id", "1").put("type", "subscribe");
                subscribe.putObject("payload").put("query", document);
                ws.sendText(subscribe.toString(), true).join();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (System.nanoTime() < until) {
                    JsonNode m = s.next(0);
                    if (m == null) {
                        f.order();
                        m = s.next(1);
                    }
                    if (m == null) {
                        continue;
                    }
                    switch (m.path("type").asText()) {
                        case "next" -> {
                            JsonNode errors = m.path("payload").path("errors");
                            if (!errors.isArray() || errors.isEmpty()) {
                                return "ok";
                            }
                            return code(errors.get(0)) + " " + m;
                        }
                        case "error" -> {
                            return code(m.path("payload").get(0)) + " " + m;
                        }
                        case "complete" -> {
                            return "completed-without-event " + m;
                        }
                        default -> {
                        }
                    }
                }
                return "no-event-no-error close " + s.closedWith;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } finally {
                ws.abort();
            }
        }

        private static String code(JsonNode error) {
            String code = error == null ? "" : error.path("extensions").path("code").asText();
            return switch (code) {
                case "FORBIDDEN" -> "403";
                case "NOT_FOUND" -> "404";
                default -> code.isEmpty() ? "error" : code;
            };
        }

        private JsonNode next(int seconds) throws InterruptedException {
            while (true) {
                JsonNode m = seconds == 0 ? messages.poll() : messages.poll(seconds, TimeUnit.SECONDS);
                if (m == null || !"ping".equals(m.path("type").asText())) {
                    return m;
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith = statusCode;
            return null;
        }
    }

    // ---- the fixture: one tenant, built through the API as admin

    static final class Fixture {
        final Map<String, String> vars = new HashMap<>();
        final Map<Who, String> tokens = new HashMap<>();
        final String admin;
        String partnerA;
        private final String run = UUID.randomUUID().toString().substring(0, 6);
        private final AtomicInteger counter = new AtomicInteger();

        private Fixture(String admin) {
            this.admin = admin;
        }

        String uniq() {
            return run + counter.incrementAndGet();
        }

        static Fixture build() {
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            Fixture f = new Fixture(admin);
            Map<String, String> v = f.vars;
            v.put("now", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            v.put("past", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
            v.put("future", LocalDate.now().plusDays(30).toString());
            v.put("chD", create(admin, "/api/v1/channels", "{\"code\":\"D\",\"name\":\"Direct\",\"type\":\"DIRECT\"}", "id"));
            v.put("chA", partnerChannel(admin, "PA", null));
            v.put("chB", partnerChannel(admin, "PB", null));
            f.partnerA = Tokens.partner(tenant, v.get("chA"));
            f.tokens.put(Who.ADMIN, admin);
            f.tokens.put(Who.MANAGER, Tokens.token(tenant, "manager"));
            f.tokens.put(Who.SALES, Tokens.token(tenant, "sales"));
            f.tokens.put(Who.INTEGRATION, Tokens.token(tenant, "integration"));
            f.tokens.put(Who.PARTNER_A, f.partnerA);
            f.tokens.put(Who.PARTNER_B, Tokens.partner(tenant, v.get("chB")));
            f.tokens.put(Who.NOROLE, Tokens.token(tenant, "viewer"));
            f.tokens.put(Who.OTHER_TENANT, Tokens.token(Tokens.newTenant(), "admin"));
            // Every hold row makes fresh holds of channel A: lift the per-channel cap (default 20) out of the way.
            Api.as(admin).body("{\"maxActiveHoldsPerChannel\":1000}").patch("/api/v1/settings").then().statusCode(200);
            v.put("grp", create(admin, "/api/v1/channel-groups", "{\"code\":\"G\",\"name\":\"g\",\"memberIds\":[\"" + v.get("chA") + "\"]}", "id"));
            v.put("sku", create(admin, "/api/v1/products", "{\"sku\":\"SKU-1\",\"name\":\"p\",\"floorPrice\":\"1.00\"}", "sku"));
            v.put("pl", create(admin, "/api/v1/price-lists", "{\"code\":\"BASE\",\"name\":\"base\",\"currency\":\"CNY\","
                    + "\"entries\":[{\"sku\":\"SKU-1\",\"price\":\"10.00\"}]}", "id"));
            v.put("promo", create(admin, "/api/v1/promotions", "{\"code\":\"PROMO\",\"kind\":\"PERCENT_OFF\",\"value\":\"1\","
                    + "\"scope\":{\"channelIds\":[\"" + v.get("chD") + "\"]}}", "id"));
            v.put("locCode", "WH");
            v.put("loc", create(admin, "/api/v1/locations", "{\"code\":\"WH\",\"name\":\"wh\",\"type\":\"WAREHOUSE\"}", "id"));
            Api.as(admin).body("{\"onHand\":100000}").put("/api/v1/stock/WH/SKU-1").then().statusCode(200);
            Api.as(admin).body("{\"threshold\":5}").put("/api/v1/analytics/inventory/thresholds/SKU-1").then().statusCode(200);
            v.put("custA", create(f.partnerA, "/api/v1/customers/identify", "{\"channelId\":\"" + v.get("chA") + "\",\"name\":\"A\","
                    + "\"identities\":[{\"kind\":\"EMAIL\",\"value\":\"a@x.test\"}]}", "customer.id"));
            // Seen by both partners, owned by B's channel (identified there first).
            String shared = "{\"channelId\":\"%s\",\"identities\":[{\"kind\":\"EMAIL\",\"value\":\"shared@x.test\"}]}";
            v.put("custShared", create(f.tokens.get(Who.PARTNER_B), "/api/v1/customers/identify", shared.formatted(v.get("chB")), "customer.id"));
            create(f.partnerA, "/api/v1/customers/identify", shared.formatted(v.get("chA")), "customer.id");
            v.put("orderA", f.order());
            Api.as(admin).post("/api/v1/orders/" + v.get("orderA") + "/confirm").then().statusCode(200);
            v.put("leadA", f.lead());
            v.put("dealA", f.deal());
            v.put("pol", create(admin, "/api/v1/policies", "{\"title\":\"P\",\"kind\":\"ANNOUNCEMENT\",\"body\":\"b\","
                    + "\"requiresAcknowledgement\":true,\"audience\":{\"channelIds\":[\"" + v.get("chA") + "\"]}}", "id"));
            v.put("webhook", f.webhook());
            v.put("import", create(admin, "/api/v1/imports/products?format=ndjson", "{\"sku\":\"IMP-1\",\"name\":\"i\"}", "id"));
            v.put("rule", f.rule());
            v.put("holdA", f.hold());
            v.put("returnA", f.requestedReturn());
            v.put("caseA", f.serviceCase());
            // Channel A's market-fund budget of 2026 is ample, so every approval in the matrix is allowed.
            Api.as(admin).body("{\"amount\":\"1000000\"}").put("/api/v1/channels/" + v.get("chA") + "/fund-budgets/2026")
                    .then().statusCode(200);
            v.put("claimA", f.expenseClaim());
            v.put("rebA", f.rebateProgram());
            v.put("course", create(admin, "/api/v1/courses", "{\"code\":\"CRS\",\"title\":\"Course\",\"passingScore\":50}", "id"));
            return f;
        }

        Map<String, String> fresh(String kind) {
            return switch (kind) {
                case "order" -> Map.of("fresh", order());
                case "confirmedOrder" -> {
                    String id = order();
                    Api.as(admin).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
                    yield Map.of("fresh", id);
                }
                case "shippedOrder" -> {
                    String id = order();
                    Api.as(admin).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
                    String shipment = create(admin, "/api/v1/orders/" + id + "/shipments",
                            "{\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}", "id");
                    yield Map.of("fresh", id, "fresh2", shipment);
                }
                case "appliedChannel" -> Map.of("fresh", partnerChannel(admin, "F" + uniq(), vars.get("chA")));
                case "lead" -> Map.of("fresh", lead());
                case "acceptedLead" -> {
                    String id = lead();
                    Api.as(partnerA).post("/api/v1/leads/" + id + "/accept").then().statusCode(200);
                    yield Map.of("fresh", id);
                }
                case "deal" -> Map.of("fresh", deal());
                case "dealWithExtension" -> {
                    String id = deal();
                    Api.as(admin).body("{}").post("/api/v1/deals/" + id + "/approve").then().statusCode(200);
                    Api.as(partnerA).body("{\"days\":10}").post("/api/v1/deals/" + id + "/extension").then().statusCode(200);
                    yield Map.of("fresh", id);
                }
                case "customerPair" -> Map.of("fresh", customer(), "fresh2", customer());
                case "mergedPair" -> {
                    String survivor = customer();
                    String source = customer();
                    Api.as(admin).body("{\"sourceIds\":[\"" + source + "\"]}").post("/api/v1/customers/" + survivor + "/merge")
                            .then().statusCode(200);
                    yield Map.of("fresh", survivor, "fresh2", source);
                }
                case "hold" -> Map.of("fresh", hold());
                case "webhook" -> Map.of("fresh", webhook());
                case "rule" -> Map.of("fresh", rule());
                case "suggestion" -> Map.of("fresh", suggestion());
                case "return" -> Map.of("fresh", requestedReturn());
                case "serviceCase" -> Map.of("fresh", serviceCase());
                case "expenseClaim" -> Map.of("fresh", expenseClaim());
                case "rebateProgram" -> Map.of("fresh", rebateProgram());
                case "resolvedCase" -> {
                    String id = serviceCase();
                    Api.as(admin).body("{\"to\":\"IN_PROGRESS\"}").post("/api/v1/service-cases/" + id + "/transition").then().statusCode(200);
                    Api.as(admin).body("{\"to\":\"RESOLVED\"}").post("/api/v1/service-cases/" + id + "/transition").then().statusCode(200);
                    yield Map.of("fresh", id);
                }
                case "approvedReturn" -> {
                    String id = requestedReturn();
                    Api.as(admin).post("/api/v1/returns/" + id + "/approve").then().statusCode(200);
                    yield Map.of("fresh", id);
                }
                case "receivedReturn" -> {
                    String id = requestedReturn();
                    Api.as(admin).post("/api/v1/returns/" + id + "/approve").then().statusCode(200);
                    Api.as(admin).body("{\"locationCode\":\"WH\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1,\"disposition\":\"SCRAP\"}]}")
                            .post("/api/v1/returns/" + id + "/receive").then().statusCode(200);
                    yield Map.of("fresh", id);
                }
                case "paymentProof" -> {
                    String id = order();
                    Api.as(admin).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
                    yield Map.of("fresh", create(partnerA, "/api/v1/orders/" + id + "/payment-proofs",
                            "{\"amount\":\"1.00\",\"method\":\"BANK_TRANSFER\",\"reference\":\"R-1\"}", "id"));
                }
                default -> throw new IllegalStateException("no fresh fixture " + kind);
            };
        }

        String order() {
            return create(admin, "/api/v1/orders", "{\"channelId\":\"" + vars.get("chA") + "\",\"customerId\":\"" + vars.get("custA")
                    + "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}", "id");
        }

        /** A REQUESTED return of one unit of a fresh order of channel A that shipped. */
        String requestedReturn() {
            String order = fresh("shippedOrder").get("fresh");
            return create(admin, "/api/v1/returns", "{\"orderId\":\"" + order + "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1,"
                    + "\"reason\":\"DEFECTIVE\"}]}", "id");
        }

        /** A SUBMITTED expense claim of channel A for 2026, submitted by partner A. */
        String expenseClaim() {
            return create(partnerA, "/api/v1/expense-claims", "{\"channelId\":\"" + vars.get("chA") + "\",\"period\":\"2026\","
                    + "\"category\":\"EVENT\",\"amount\":\"1\",\"description\":\"d\"}", "id");
        }

        /** A monthly rebate programme whose scope is channel A. */
        String rebateProgram() {
            return create(admin, "/api/v1/rebate-programs", "{\"code\":\"R" + uniq() + "\",\"name\":\"r\",\"scope\":{\"channelIds\":[\""
                    + vars.get("chA") + "\"]},\"validFrom\":\"2020-01-01\",\"validTo\":\"2099-12-31\",\"period\":\"MONTH\","
                    + "\"tiers\":[{\"minRevenue\":\"0\",\"percent\":\"1\"}]}", "id");
        }

        /** An OPEN service case about the fixture's order, so assigned to channel A. */
        String serviceCase() {
            return create(admin, "/api/v1/service-cases", "{\"orderId\":\"" + vars.get("orderA") + "\",\"category\":\"REPAIR\","
                    + "\"subject\":\"s\",\"description\":\"d\"}", "id");
        }

        String lead() {
            String id = create(admin, "/api/v1/leads", "{\"sourceChannelId\":\"" + vars.get("chD") + "\",\"customer\":"
                    + "{\"identities\":[{\"kind\":\"EMAIL\",\"value\":\"l" + uniq() + "@x.test\"}]}}", "id");
            Api.as(admin).body("{\"channelId\":\"" + vars.get("chA") + "\"}").post("/api/v1/leads/" + id + "/assign").then().statusCode(200);
            return id;
        }

        String deal() {
            return create(partnerA, "/api/v1/deals", "{\"customer\":{\"identities\":[{\"kind\":\"EMAIL\",\"value\":\"d" + uniq()
                    + "@x.test\"}]},\"expectedValue\":\"100\",\"closeDate\":\"" + vars.get("future") + "\"}", "id");
        }

        String customer() {
            return create(admin, "/api/v1/customers/identify", "{\"channelId\":\"" + vars.get("chA") + "\",\"identities\":"
                    + "[{\"kind\":\"EMAIL\",\"value\":\"c" + uniq() + "@x.test\"}]}", "customer.id");
        }

        /** Two customers seen by A's channel; partner A identifies with both identities, which records a suggestion. */
        String suggestion() {
            String a = "s" + uniq() + "@x.test";
            String b = "s" + uniq() + "@x.test";
            String first = customerWith(a);
            customerWith(b);
            Api.as(partnerA).body("{\"channelId\":\"" + vars.get("chA") + "\",\"identities\":[{\"kind\":\"EMAIL\",\"value\":\""
                    + a + "\"},{\"kind\":\"EMAIL\",\"value\":\"" + b + "\"}]}").post("/api/v1/customers/identify").then().statusCode(200);
            JsonNode items = parse(Api.as(admin).get("/api/v1/customers/merge-suggestions?status=OPEN&limit=500").asString()).path("items");
            for (JsonNode item : items) {
                if (item.path("customerIds").path(0).asText().equals(first)) {
                    return item.path("id").asText();
                }
            }
            return fail("no merge suggestion recorded for " + first);
        }

        private String customerWith(String email) {
            return create(admin, "/api/v1/customers/identify", "{\"channelId\":\"" + vars.get("chA") + "\",\"identities\":"
                    + "[{\"kind\":\"EMAIL\",\"value\":\"" + email + "\"}]}", "customer.id");
        }

        String hold() {
            return create(partnerA, "/api/v1/stock/holds", "{\"channelId\":\"" + vars.get("chA")
                    + "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}", "id");
        }

        String webhook() {
            return create(admin, "/api/v1/webhooks", "{\"url\":\"https://example.invalid/hook\",\"events\":[\"policy.published\"]}", "id");
        }

        String rule() {
            return create(admin, "/api/v1/lead-routing-rules", "{\"priority\":1,\"match\":{\"regions\":[\"NOWHERE\"]},"
                    + "\"target\":{\"channelId\":\"" + vars.get("chA") + "\"}}", "id");
        }

        private static String partnerChannel(String admin, String code, String parentId) {
            String id = create(admin, "/api/v1/channels", "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"type\":\"DISTRIBUTOR\""
                    + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"") + "}", "id");
            if (parentId == null) {
                Api.as(admin).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
            }
            return id;
        }

        private static String create(String token, String path, String body, String idPath) {
            Response r = path.startsWith("/api/v1/imports/")
                    // An import upload is a file of rows (NDJSON here), not a JSON document.
                    ? Api.as(token).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post(path)
                    : Api.as(token).body(body).post(path);
            if (r.statusCode() >= 300) {
                fail("fixture " + path + ": " + r.statusCode() + " " + r.asString());
            }
            JsonNode node = parse(r.asString());
            for (String step : idPath.split("\\.")) {
                node = node.path(step);
            }
            return node.asText();
        }
    }
}

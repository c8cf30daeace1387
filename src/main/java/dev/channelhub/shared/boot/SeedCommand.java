package dev.channelhub.shared.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code java -jar quarkus-run.jar seed --tenant demo [--url http://localhost:8080]}: loads a small, realistic tenant
 * into a running server through its own API (so every rule, event and rollup applies, exactly as for a client):
 * channels of every type with a partner tree, locations and stock, products with a base and a distributor price
 * list, customers with identities, orders in every state, a policy that needs acknowledging, and routed leads.
 * Tokens are signed with the development key of the data directory (as the {@code token} command's are). Every
 * create carries an Idempotency-Key, and a tenant that already has the seed's first channel is left alone, so
 * running it twice changes nothing.
 */
public final class SeedCommand {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String url;
    private final String tenant;
    private final Function<String, String> tokens;
    private final PrintStream out;

    /** {@code tokens}: role → bearer token of the tenant. */
    public SeedCommand(String url, String tenant, Function<String, String> tokens, PrintStream out) {
        this.url = url.replaceAll("/+$", "");
        this.tenant = tenant;
        this.tokens = tokens;
        this.out = out;
    }

    static int run(String[] args, Path dataDir) throws Exception {
        Map<String, String> options;
        try {
            options = CommandOptions.parse(args, java.util.Set.of("--tenant", "--url"));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        String tenant = options.get("--tenant");
        String url = options.getOrDefault("--url", "http://localhost:" + System.getenv().getOrDefault("PORT", "8080"));
        if (tenant == null) {
            return usage("--tenant is required");
        }
        DevKeys keys = DevKeys.ensure(dataDir.resolve("keys"));
        String issuer = System.getenv().getOrDefault("MP_JWT_VERIFY_ISSUER", DevKeys.DEV_ISSUER);
        String t = tenant;
        Function<String, String> tokens = role -> {
            try {
                return keys.sign(issuer, "seed", t, List.of(role), null, 3600);
            } catch (Exception e) {
                throw new IllegalStateException("cannot sign a token with the development key", e);
            }
        };
        try {
            new SeedCommand(url, tenant, tokens, System.out).seed();
            return 0;
        } catch (SeedFailed e) {
            System.err.println("seed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("seed: cannot reach " + url + " (" + e + "); start the server first (README, 'The two commands')");
            return 1;
        }
    }

    private static int usage(String problem) {
        System.err.println("seed: " + problem);
        System.err.println("usage: seed --tenant TENANT [--url http://localhost:8080]   (the server must be running)");
        return 2;
    }

    /** A call the seed needed answered with 2xx that was not. */
    public static final class SeedFailed extends RuntimeException {
        SeedFailed(String message) {
            super(message);
        }
    }

    /** Seeds the tenant; false when it was seeded before (nothing written). */
    public boolean seed() throws IOException, InterruptedException {
        String admin = tokens.apply("admin");
        String manager = tokens.apply("manager");
        String sales = tokens.apply("sales");

        // Channels of every type; the partners form a tree under the east distributor.
        HttpResponse<String> first = send("POST", "/api/v1/channels", admin, "seed-channel-HQ-DIRECT",
                Map.of("code", "HQ-DIRECT", "name", "HQ direct sales", "type", "DIRECT", "region", "EAST"));
        if (first.statusCode() == 409 || "true".equals(first.headers().firstValue("Idempotent-Replayed").orElse(null))) {
            out.println("seed: tenant " + tenant + " already has the demo data; nothing written");
            return false;
        }
        check(first, "POST /api/v1/channels HQ-DIRECT");
        String hq = json.readTree(first.body()).path("id").asText();
        String tmall = channel(admin, "TMALL-FLAGSHIP", "Tmall flagship store", "ONLINE_STORE", "NATIONAL", null, null);
        String mini = channel(admin, "WX-MINI", "WeChat mini-program", "MINI_PROGRAM", "NATIONAL", null, null);
        channel(admin, "JD-POP", "JD marketplace shop", "MARKETPLACE", "NATIONAL", null, null);
        String east = channel(admin, "EAST-DIST", "East China distributor", "DISTRIBUTOR", "EAST", null, "200000.00");
        String agent = channel(admin, "EAST-AGENT-01", "Hangzhou agent", "AGENT", "EAST", east, "30000.00");
        String store = channel(admin, "SH-STORE-01", "Shanghai Jing'an store", "RETAIL_STORE", "EAST", east, "50000.00");
        channel(admin, "SOUTH-DIST", "South China distributor (onboarding)", "DISTRIBUTOR", "SOUTH", null, null);
        for (String partner : List.of(east, agent, store)) {
            call("POST", "/api/v1/channels/" + partner + "/transition", admin, null, Map.of("to", "ACTIVE", "reason", "demo: approved"));
        }

        // Where stock is, and what is sold.
        call("POST", "/api/v1/locations", admin, "seed-location-WH-EAST",
                Map.of("code", "WH-EAST", "name", "East warehouse (Kunshan)", "type", "WAREHOUSE", "region", "EAST", "priority", 10));
        call("POST", "/api/v1/locations", admin, "seed-location-SH-STORE",
                Map.of("code", "SH-STORE", "name", "Shanghai store back room", "type", "STORE", "region", "EAST",
                        "channelIds", List.of(store), "priority", 20));
        String[][] products = {
                {"TEA-LJ-250", "West Lake Longjing 250 g", "tea", "168.00", "120.00", "500"},
                {"TEA-PE-357", "Pu'er cake 357 g", "tea", "298.00", "210.00", "300"},
                {"TEA-GIFT-01", "Spring tea gift box", "gift", "599.00", "420.00", "120"},
                {"CUP-GLS-01", "Double-wall glass cup", "teaware", "89.00", "55.00", "800"},
                {"POT-YX-01", "Yixing clay teapot", "teaware", "880.00", "600.00", "40"},
                {"TEA-BAG-50", "Jasmine tea bags, 50", "tea", "45.00", "30.00", "8"}};
        java.util.List<Map<String, Object>> base = new java.util.ArrayList<>();
        java.util.List<Map<String, Object>> trade = new java.util.ArrayList<>();
        for (String[] p : products) {
            call("POST", "/api/v1/products", admin, "seed-product-" + p[0],
                    Map.of("sku", p[0], "name", p[1], "category", p[2], "unit", "EA", "floorPrice", p[4], "currency", "CNY"));
            base.add(Map.of("sku", p[0], "price", p[3]));
            trade.add(Map.of("sku", p[0], "price", new java.math.BigDecimal(p[3]).multiply(new java.math.BigDecimal("0.80"))
                    .max(new java.math.BigDecimal(p[4])).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()));
            call("PUT", "/api/v1/stock/WH-EAST/" + p[0], admin, null, Map.of("onHand", Long.parseLong(p[5]), "reason", "demo: opening stock"));
        }
        call("PUT", "/api/v1/stock/SH-STORE/TEA-LJ-250", admin, null, Map.of("onHand", 24, "reason", "demo: opening stock"));
        call("POST", "/api/v1/price-lists", admin, "seed-price-list-BASE",
                Map.of("code", "BASE", "name", "Base retail prices", "currency", "CNY", "entries", base));
        call("POST", "/api/v1/price-lists", admin, "seed-price-list-TRADE",
                Map.of("code", "TRADE", "name", "Partner trade prices (80 %, never below floor)", "currency", "CNY",
                        "scope", Map.of("channelTypes", List.of("DISTRIBUTOR", "AGENT", "RETAIL_STORE")), "entries", trade));

        // Customers met on different channels (the same phone on two channels is one customer).
        String li = customer(sales, tmall, "Li Wei", "PHONE", "13800000001", "EMAIL", "li.wei@example.cn");
        customer(sales, store, "Li Wei", "PHONE", "13800000001");
        String zhang = customer(sales, mini, "Zhang Min", "WECHAT", "o-demo-zhangmin", "PHONE", "13900000002");
        String wang = customer(sales, store, "Wang Fang", "PHONE", "13700000003");

        // Orders in every state.
        order(sales, "seed-order-1", tmall, li, List.of(line("TEA-LJ-250", 2), line("CUP-GLS-01", 2)), "submitted");
        order(sales, "seed-order-2", mini, zhang, List.of(line("TEA-GIFT-01", 1)), "confirmed");
        order(sales, "seed-order-3", east, null, List.of(line("TEA-LJ-250", 40), line("TEA-PE-357", 20)), "partially shipped");
        order(sales, "seed-order-4", store, wang, List.of(line("POT-YX-01", 1)), "shipped");
        order(sales, "seed-order-5", tmall, li, List.of(line("TEA-PE-357", 1), line("CUP-GLS-01", 4)), "delivered and paid");
        order(sales, "seed-order-7", store, null, List.of(line("TEA-LJ-250", 12)), "delivered");
        order(sales, "seed-order-6", agent, null, List.of(line("TEA-BAG-50", 3)), "cancelled");

        // A price policy the partners must acknowledge.
        call("POST", "/api/v1/policies", manager, "seed-policy-1",
                Map.of("title", "2027 partner price policy", "kind", "PRICE_POLICY", "requiresAcknowledgement", true,
                        "body", "Trade prices are 80 % of the base price and never below the floor price. Resale below the "
                                + "base price on public marketplaces is not allowed.",
                        "audience", Map.of("channelTypes", List.of("DISTRIBUTOR", "AGENT", "RETAIL_STORE"))));
        // Leads of the east go to the east distributor, bigger ones anywhere to HQ direct sales.
        call("POST", "/api/v1/lead-routing-rules", manager, "seed-rule-east",
                Map.of("priority", 10, "match", Map.of("regions", List.of("EAST")), "target", Map.of("channelId", east)));
        call("POST", "/api/v1/lead-routing-rules", manager, "seed-rule-direct",
                Map.of("priority", 20, "match", Map.of("minValue", "1000.00"), "target", Map.of("channelId", hq)));
        lead(sales, "seed-lead-1", tmall, "Chen Jie", "13600000004", "EAST", "tea", "12000.00", "Corporate gifts for 60 staff");
        lead(sales, "seed-lead-2", null, "Huang Lei", "13500000005", "SOUTH", "teaware", "3000.00", "Wants a tasting for a new cafe");

        out.println("seed: tenant " + tenant + " loaded: 8 channels, 2 locations, 6 products, 2 price lists, 3 customers (2 more through the leads), "
                + "7 orders (every state), 1 policy, 2 routing rules, 2 leads");
        return true;
    }

    private String channel(String token, String code, String name, String type, String region, String parentId, String creditLimit)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("code", code, "name", name, "type", type, "region", region));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        if (creditLimit != null) {
            body.put("creditLimit", creditLimit);
        }
        return call("POST", "/api/v1/channels", token, "seed-channel-" + code, body).path("id").asText();
    }

    private String customer(String token, String channelId, String name, String... kindValue) throws IOException, InterruptedException {
        java.util.List<Map<String, String>> identities = new java.util.ArrayList<>();
        for (int i = 0; i < kindValue.length; i += 2) {
            identities.add(Map.of("kind", kindValue[i], "value", kindValue[i + 1]));
        }
        return call("POST", "/api/v1/customers/identify", token, "seed-customer-" + channelId + "-" + kindValue[1],
                Map.of("channelId", channelId, "name", name, "identities", identities)).path("customer").path("id").asText();
    }

    private static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    private void order(String token, String key, String channelId, String customerId, java.util.List<Map<String, Object>> lines, String state)
            throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("channelId", channelId, "lines", lines, "note", "demo order (" + state + ")"));
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        JsonNode order = call("POST", "/api/v1/orders", token, key, body);
        String id = order.path("id").asText();
        switch (state) {
            case "submitted" -> {
                return;
            }
            case "cancelled" -> {
                call("POST", "/api/v1/orders/" + id + "/cancel", token, null, Map.of("reason", "demo: the partner changed its mind"));
                return;
            }
            default -> call("POST", "/api/v1/orders/" + id + "/confirm", token, null, null);
        }
        if (state.equals("confirmed")) {
            return;
        }
        java.util.List<Map<String, Object>> shipped = new java.util.ArrayList<>();
        for (Map<String, Object> l : lines) {
            int quantity = (Integer) l.get("quantity");
            shipped.add(line((String) l.get("sku"), state.equals("partially shipped") ? Math.max(1, quantity / 2) : quantity));
        }
        String shipment = call("POST", "/api/v1/orders/" + id + "/shipments", token, key + "-shipment",
                Map.of("lines", shipped, "carrier", "SF Express", "trackingNo", "SF" + Math.abs(key.hashCode()))).path("id").asText();
        if (state.startsWith("delivered")) {
            call("POST", "/api/v1/orders/" + id + "/shipments/" + shipment + "/deliver", token, null, null);
        }
        if (state.equals("delivered and paid")) {
            call("POST", "/api/v1/orders/" + id + "/payments", token, key + "-payment",
                    Map.of("amount", order.path("total").asText(), "method", "ALIPAY", "reference", "demo-" + key));
        }
    }

    private void lead(String token, String key, String sourceChannelId, String name, String phone, String region, String category,
            String value, String note) throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("customer", Map.of("name", name, "identities", List.of(Map.of("kind", "PHONE", "value", phone))),
                "region", region, "category", category, "estimatedValue", value, "currency", "CNY", "note", note));
        if (sourceChannelId != null) {
            body.put("sourceChannelId", sourceChannelId);
        }
        call("POST", "/api/v1/leads", token, key, body);
    }

    private JsonNode call(String method, String path, String token, String idempotencyKey, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, token, idempotencyKey, body);
        check(response, method + " " + path);
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new SeedFailed(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String idempotencyKey, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

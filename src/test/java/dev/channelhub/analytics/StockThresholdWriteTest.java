package dev.channelhub.analytics;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Thresholds are written through {@link StockThresholdEntity}: a setting without If-Match creates or updates, and
 * every setting is a new version — also when several first settings of a SKU race (the SQL upsert never failed them).
 */
@QuarkusTest
class StockThresholdWriteTest {

    @Test
    void concurrentFirstSettingsAllSucceedOneVersionEach() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        Api.as(admin).body(Map.of("sku", "RACE", "name", "Raced")).post("/api/v1/products").then().statusCode(201);
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int threshold = i + 1;
                calls.add(() -> Api.as(manager).body(Map.of("threshold", threshold)).put("/api/v1/analytics/inventory/thresholds/RACE")
                        .then().statusCode(200).extract().path("version"));
            }
            Set<Integer> versions = new TreeSet<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                versions.add(f.get());
            }
            assertEquals(Set.of(1, 2, 3, 4, 5, 6), versions, "each setting got its own version");
        } finally {
            pool.shutdownNow();
        }
        Api.as(manager).get("/api/v1/analytics/inventory/thresholds/RACE").then().statusCode(200).header("ETag", "\"" + n + "\"");
    }

    @Test
    void everySettingIsANewVersionEvenWithTheSameValue() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        Api.as(admin).body(Map.of("sku", "SAME", "name", "Same")).post("/api/v1/products").then().statusCode(201);
        Api.as(manager).header("If-Match", "\"1\"").body(Map.of("threshold", 5)).put("/api/v1/analytics/inventory/thresholds/SAME")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(manager).body(Map.of("threshold", 5)).put("/api/v1/analytics/inventory/thresholds/SAME").then().statusCode(200)
                .header("ETag", "\"1\"");
        String second = Api.as(manager).header("If-Match", "\"1\"").body(Map.of("threshold", 5))
                .put("/api/v1/analytics/inventory/thresholds/SAME").then().statusCode(200).header("ETag", "\"2\"")
                .body("threshold", equalTo(5)).extract().asString();
        assertEquals(second, Api.as(manager).get("/api/v1/analytics/inventory/thresholds/SAME").then().statusCode(200).extract().asString());
    }
}

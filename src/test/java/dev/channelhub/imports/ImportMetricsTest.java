package dev.channelhub.imports;

import dev.channelhub.support.Metrics;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Imported rows are counted on /q/metrics by kind and outcome (channelhub_import_rows_total, issue 21). */
@QuarkusTest
class ImportMetricsTest {

    private static final String ACCEPTED = "channelhub_import_rows_total{kind=\"channels\",outcome=\"accepted\"}";
    private static final String REJECTED = "channelhub_import_rows_total{kind=\"channels\",outcome=\"rejected\"}";

    private static double zeroIfAbsent(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    @Test
    void rowsAreCountedByKindAndOutcome() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        double accepted = zeroIfAbsent(Metrics.value(ACCEPTED));
        double rejected = zeroIfAbsent(Metrics.value(REJECTED));
        String csv = String.join("\n",
                "code,name,type",
                "M1,First,DIRECT",
                "M2,Second,AGENT",
                "M3,,DIRECT",          // name missing
                "M4,Fourth,SPACESHIP", // bad type
                "M5,Fifth,DIRECT");
        var job = ImportApiTest.awaitDone(admin, ImportApiTest.upload(admin, "channels", "text/csv", csv));
        assertEquals("COMPLETED", job.path("status"));
        assertEquals(accepted + 3, Metrics.value(ACCEPTED));
        assertEquals(rejected + 2, Metrics.value(REJECTED));
    }
}

package dev.channelhub.support;

import io.restassured.RestAssured;

/** Counts SQL statements the server ran, from the counter every statement of {@code Db} increments. */
public final class SqlCounter {

    private SqlCounter() {
    }

    /** Statements run for HTTP requests. */
    public static long current() {
        return read("channelhub_sql_statements_total");
    }

    /** Statements run by background work (sweeps, imports, webhook delivery), outside any request. */
    public static long background() {
        return read("channelhub_sql_background_statements_total");
    }

    private static long read(String name) {
        String metrics = RestAssured.given().get("/q/metrics").asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return (long) Metrics.sampleValue(line);
            }
        }
        throw new IllegalStateException(name + " not exported");
    }
}

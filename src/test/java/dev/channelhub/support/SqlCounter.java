package dev.channelhub.support;

import io.restassured.RestAssured;

/** Counts SQL statements the server ran, from the counter every statement of {@code Db} increments. */
public final class SqlCounter {

    private SqlCounter() {
    }

    public static long current() {
        String metrics = RestAssured.given().get("/q/metrics").asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("channelhub_sql_statements_total")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new IllegalStateException("channelhub_sql_statements_total not exported");
    }
}

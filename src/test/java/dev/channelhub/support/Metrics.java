package dev.channelhub.support;

import io.restassured.RestAssured;

/** Reads one sample of the Prometheus text on /q/metrics. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of the sample whose name and labels start the line ({@code name} or {@code name{a="b"}}), or NaN. */
    public static double value(String sample) {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return value(text, sample);
    }

    public static double value(String text, String sample) {
        String prefix = sample.contains("{") ? sample.substring(0, sample.length() - 1) : sample;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            boolean match = sample.contains("{") ? line.startsWith(prefix) : line.startsWith(sample + " ") || line.startsWith(sample + "{");
            if (match) {
                return sampleValue(line);
            }
        }
        return Double.NaN;
    }

    /**
     * The value of one sample line. A counter or timer moved inside a traced call carries an exemplar after the value
     * ({@code name 3.0 # {span_id="..",trace_id=".."} 1.0 1796320012.840}): Micrometer adds the span when tracing is
     * on, as it is in the suite.
     */
    public static double sampleValue(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}

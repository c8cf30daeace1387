package dev.channelhub.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One CSV record on one line, parsed by Apache Commons CSV (RFC 4180: {@code ""} escapes a quote inside a quoted
 * field). Imports read a file line by line, so a quoted line break is not supported, and an unterminated quote
 * spoils only its own line, never the rest of the file.
 */
final class CsvLine {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvLine() {
    }

    /** The cells of {@code line}; IllegalArgumentException with a reason when it is not one well-formed record. */
    static List<String> parse(String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("is not one CSV record");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage();
            throw new IllegalArgumentException(reason.contains("EOF reached before encapsulated token finished")
                    ? "has an unterminated quoted field" : "is not valid CSV (a quote must close its field)");
        }
    }
}

package dev.channelhub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.imports.ImportService.ImportFormat;
import dev.channelhub.shared.error.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How one CSV line becomes a row: quoting, escapes, empty cells, nested and list columns. */
class CsvRowsTest {

    private final ImportRunner runner = runner();

    private static ImportRunner runner() {
        ImportRunner r = new ImportRunner();
        r.mapper = new ObjectMapper();
        return r;
    }

    @Test
    void cellsFollowRfc4180Quoting() {
        Object[][] cases = {
                {"a,b,c", List.of("a", "b", "c")},
                {"a,,c,", List.of("a", "", "c", "")},
                {"\"a, b\",c", List.of("a, b", "c")},
                {"\"say \"\"hi\"\"\",x", List.of("say \"hi\"", "x")},
                {"\"\"\"\"", List.of("\"")},
                {"\"\",x", List.of("", "x")},
                {"华东,经销商", List.of("华东", "经销商")},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], CsvLine.parse((String) c[0]), (String) c[0]);
        }
    }

    @Test
    void anUnterminatedQuoteIsRefusedWithItsReason() {
        for (String bad : List.of("\"open,x", "a,\"b", "a,\"b\"\"")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvLine.parse(bad), bad);
            assertTrue(e.getMessage().contains("unterminated"), bad + ": " + e.getMessage());
        }
    }

    @Test
    void columnsFillNestedObjectsAndSemicolonSeparatedLists() {
        var row = runner.toRow(ImportFormat.CSV, List.of("code", "contact.email", "contact.phone", "skus[]", "note"),
                "C1,a@b.cn,,\"A-1; B-2 ;C-3\",");
        assertEquals("{\"code\":\"C1\",\"contact\":{\"email\":\"a@b.cn\"},\"skus\":[\"A-1\",\"B-2\",\"C-3\"]}", row.toString(),
                "empty cells are left out; list cells split on ';' and trimmed");
        ApiException wrongWidth = assertThrows(ApiException.class,
                () -> runner.toRow(ImportFormat.CSV, List.of("code", "name"), "C1,Name,extra"));
        assertEquals("row", wrongWidth.errors().get(0).field());
        ApiException unterminated = assertThrows(ApiException.class,
                () -> runner.toRow(ImportFormat.CSV, List.of("code", "name"), "C1,\"Name"));
        assertTrue(unterminated.errors().get(0).message().contains("unterminated"));
    }
}

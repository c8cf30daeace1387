package dev.channelhub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.shared.error.ApiErrors;
import dev.channelhub.shared.error.ApiException;

import java.util.List;

/** Row conversion shared by the handlers: JSON shape errors become VALIDATION_FAILED naming the field. */
public final class Rows {

    private Rows() {
    }

    public static <T> T convert(ObjectMapper mapper, ObjectNode row, Class<T> type) {
        try {
            return mapper.treeToValue(row, type);
        } catch (MismatchedInputException e) {
            throw ApiException.invalid(ApiErrors.path(e.getPath(), "row"), e instanceof InvalidFormatException ? "has an invalid value" : "has the wrong type");
        } catch (Exception e) {
            throw ApiException.invalid("row", "cannot be read");
        }
    }
}

package dev.channelhub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            throw ApiException.invalid(path(e.getPath()), e instanceof InvalidFormatException ? "has an invalid value" : "has the wrong type");
        } catch (Exception e) {
            throw ApiException.invalid("row", "cannot be read");
        }
    }

    private static String path(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (var r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "row" : b.toString();
    }
}

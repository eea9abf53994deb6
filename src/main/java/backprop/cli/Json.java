package backprop.cli;

import backprop.engine.Tensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/** JSON for the command line: a scalar as a number, a row or column as a list, a matrix as a list of rows. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Non-finite numbers become the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers). */
    static JsonNode number(double v) {
        return Double.isFinite(v) ? NODES.numberNode(v) : NODES.textNode(Double.toString(v));
    }

    static JsonNode tensor(Tensor t) {
        if (t == null) {
            return NODES.nullNode();
        }
        if (t.isScalar()) {
            return number(t.scalar());
        }
        ArrayNode out = array();
        if (t.rows() == 1 || t.cols() == 1) {
            for (int k = 0; k < t.size(); k++) {
                out.add(number(t.at(k)));
            }
            return out;
        }
        for (int r = 0; r < t.rows(); r++) {
            ArrayNode row = out.addArray();
            for (int c = 0; c < t.cols(); c++) {
                row.add(number(t.get(r, c)));
            }
        }
        return out;
    }

    static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}

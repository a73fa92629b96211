package gsvtrainer.pipeline;

import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.core.JacksonException;

/**
 * Turns a client's params map into the step's typed params record (snake_case names, unknown names
 * refused) and back. Validation in the records' compact constructors surfaces as
 * {@link InvalidParamsException}.
 */
public final class ParamsCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public <P extends Record> P decode(StepDefinition step, Map<String, Object> params) {
        @SuppressWarnings("unchecked")
        Class<P> type = (Class<P>) step.paramsType();
        try {
            return mapper.convertValue(params == null ? Map.of() : params, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidParamsException("unknown_param",
                    "unknown param '" + e.getPropertyName() + "' for step " + step.name(), e.getPropertyName());
        } catch (JacksonException e) {
            Throwable root = rootCause(e);
            String message = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new InvalidParamsException("invalid_param", "invalid params for step " + step.name() + ": " + message, null);
        }
    }

    /** The record as a map, with every default filled in: what the run actually used. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> encode(Record params) {
        return mapper.convertValue(params, Map.class);
    }

    public <P extends Record> P decodeJson(StepDefinition step, String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = mapper.readValue(json, Map.class);
        return decode(step, map);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Params a client sent that the step does not accept. */
    public static final class InvalidParamsException extends RuntimeException {
        private final String code;
        private final String param;

        InvalidParamsException(String code, String message, String param) {
            super(message);
            this.code = code;
            this.param = param;
        }

        public String code() {
            return code;
        }

        public String param() {
            return param;
        }
    }
}

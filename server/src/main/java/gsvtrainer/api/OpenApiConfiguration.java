package gsvtrainer.api;

import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, and one rule the generator cannot infer from records: a property
 * the service may leave empty (an error on a successful run, a start time on a queued one) is
 * {@code null}, so every property of a response record admits {@code null}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenApiCustomizer gsvOpenApi() {
        return openApi -> {
            openApi.info(new Info().title("gsv-trainer").version("v1")
                    .description("Training service for GPT-SoVITS voices; v1 paths are wire-compatible with the old service."));
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::allowNullProperties);
            }
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void allowNullProperties(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            if (property.get$ref() != null) {
                Schema ref = new Schema().$ref(property.get$ref());
                property.set$ref(null);
                property.setAnyOf(List.of(ref, new Schema().types(Set.of("null"))));
            } else if (property.getTypes() != null && !property.getTypes().contains("null")) {
                Set<String> types = new LinkedHashSet<>(property.getTypes());
                types.add("null");
                property.setTypes(types);
            } else if (property.getType() != null && property.getTypes() == null) {
                property.setTypes(new LinkedHashSet<>(List.of(property.getType(), "null")));
            }
        }
    }
}

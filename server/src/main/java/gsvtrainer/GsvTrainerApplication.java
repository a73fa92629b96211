package gsvtrainer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring application behind {@code serve}, {@code worker} and the admin commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GsvTrainerApplication {
}

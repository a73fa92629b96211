package gsvtrainer.storage;

import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The storage contract on a real PostgreSQL server. {@code make test} starts a throwaway server
 * and sets {@code GSV_TEST_POSTGRES_URL}; without it (a bare {@code mvn test}) this class is skipped.
 */
@EnabledIfEnvironmentVariable(named = "GSV_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresStorageTest extends StorageContractTest {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(System.getenv("GSV_TEST_POSTGRES_URL"),
                System.getenv().getOrDefault("GSV_TEST_POSTGRES_USER", "postgres"), "");
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}

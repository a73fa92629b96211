package gsvtrainer.storage;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteConfig;

/** The storage contract on a SQLite file with the service's pragmas. */
class SqliteStorageTest extends StorageContractTest {

    @TempDir
    static Path dir;

    private static SQLiteDataSource source;

    @Override
    DataSource dataSource() {
        if (source == null) {
            source = new SQLiteDataSource(new SQLiteConfig());
            source.setUrl("jdbc:sqlite:" + dir.resolve("contract.db")
                    + "?journal_mode=WAL&busy_timeout=30000&foreign_keys=true&transaction_mode=IMMEDIATE");
        }
        return source;
    }

    @Override
    String vendor() {
        return "sqlite";
    }
}

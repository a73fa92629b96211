package gsvtrainer.steprun;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;

/** A second run of an active step is 409; a run of a task deleted meanwhile is not mistaken for one. */
class RunRequestsTest {

    @Test
    void uniqueViolationsOfBothDatabasesAreDuplicates() {
        assertThat(RunRequests.isUniqueViolation(new DuplicateKeyException("dup"))).isTrue();
        assertThat(RunRequests.isUniqueViolation(new UncategorizedSQLException("insert", "INSERT",
                new SQLException("[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: step_run.x)")))).isTrue();
        assertThat(RunRequests.isUniqueViolation(new DataIntegrityViolationException("insert",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isTrue();
    }

    @Test
    void aForeignKeyViolationIsNotADuplicate() {
        var sqlite = new DataIntegrityViolationException("insert",
                new SQLException("[SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key constraint failed (FOREIGN KEY constraint failed)"));
        var postgres = new DataIntegrityViolationException("insert",
                new SQLException("insert or update violates foreign key constraint", "23503"));

        assertThat(RunRequests.isUniqueViolation(sqlite)).isFalse();
        assertThat(RunRequests.isUniqueViolation(postgres)).isFalse();
        assertThat(RunRequests.isForeignKeyViolation(sqlite)).isTrue();
        assertThat(RunRequests.isForeignKeyViolation(postgres)).isTrue();
    }
}

package dev.retort.engine.spring.boot.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.spring.testing.TestDatabase;
import dev.retort.engine.spring.transaction.EngineTransactionManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * JPA (Hibernate) next to the engine, whether the engine owns the pool ({@code retort.engine.url}, no
 * {@code spring.datasource}) or runs over Boot's: the engine's pool is JPA's {@code DataSource}, Boot's
 * {@code JpaTransactionManager} is the application's transaction manager, and engine work inside a JPA
 * {@code @Transactional} method runs on JPA's connection, so a JPA save and an engine write commit or roll back
 * together. Rows are checked through a connection of their own. Subclasses pick the database and configuration.
 */
@SpringBootTest(classes = JpaApplication.class, properties = { "spring.autoconfigure.exclude=",
        "spring.data.jpa.repositories.enabled=true",
        "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false" })
abstract class JpaTransactionTest {

    @Autowired
    NoteService service;

    @Autowired
    Engine engine;

    @Autowired
    ApplicationContext context;

    abstract TestDatabase.Db db();

    @BeforeEach
    void tables() throws SQLException {
        engine.inTransaction(c -> c.execute(Sql.text(
                "CREATE TABLE IF NOT EXISTS engine_audit (note_id INT PRIMARY KEY)")));
        update("DELETE FROM engine_audit");
        update("DELETE FROM notes");
    }

    @Test
    void theEnginesPoolIsJpasDataSourceAndJpasTransactionManagerIsTheApplicationsOne() {
        DataSource dataSource = context.getBean(DataSource.class);
        assertThat(dataSource).isSameAs(engine.dataSource());
        assertThat(((EntityManagerFactoryInfo) context.getBean(EntityManagerFactory.class)).getDataSource())
                .isSameAs(dataSource);
        assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(JpaTransactionManager.class);
        assertThat(context.getBean("retortTransactionManager")).isInstanceOf(EngineTransactionManager.class);
    }

    @Test
    void aJpaSaveAndAnEngineWriteCommitTogether() throws SQLException {
        assertThat(service.saveBoth(1, false)).as("the engine sees JPA's uncommitted row: one transaction")
                .isEqualTo(1);

        assertThat(count("SELECT COUNT(*) FROM notes WHERE id = 1")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM engine_audit WHERE note_id = 1")).isEqualTo(1);
        assertThat(engine.pool().checkedOut()).isZero();
    }

    @Test
    void aJpaSaveAndAnEngineWriteRollBackTogether() throws SQLException {
        assertThatThrownBy(() -> service.saveBoth(2, true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("failing after both writes");

        assertThat(count("SELECT COUNT(*) FROM notes")).isZero();
        assertThat(count("SELECT COUNT(*) FROM engine_audit")).isZero();
        assertThat(engine.pool().checkedOut()).isZero();
    }

    /**
     * An engine sub-transaction rolled back inside a JPA transaction dooms it, as it dooms a
     * {@code DataSourceTransactionManager} one: the commit raises {@code UnexpectedRollbackException} and neither
     * write survives, instead of JPA committing as if nothing had failed.
     */
    @Test
    void anEngineSubTransactionRolledBackInsideJpaMakesTheCommitFailAndNothingIsCommitted() throws SQLException {
        assertThatThrownBy(() -> service.saveThenRollBackAnEngineSubTransaction(4))
                .isInstanceOf(UnexpectedRollbackException.class);

        assertThat(count("SELECT COUNT(*) FROM notes")).isZero();
        assertThat(count("SELECT COUNT(*) FROM engine_audit")).isZero();
        assertThat(engine.pool().checkedOut()).isZero();
    }

    /**
     * {@code @Transactional("retortTransactionManager")} around JPA: JPA's transaction manager refuses to begin over
     * the engine's bound connection, so the call fails and the engine write rolls back; never two transactions.
     */
    @Test
    void jpaInsideTheEnginesOwnTransactionManagerFailsInsteadOfOpeningASecondTransaction() throws SQLException {
        assertThatThrownBy(() -> service.saveUnderTheEngineTransactionManager(3))
                .isInstanceOf(CannotCreateTransactionException.class)
                .hasMessageContaining("Could not open JPA EntityManager for transaction")
                .rootCause().hasMessageContaining("Already value").hasMessageNotContaining("password");

        assertThat(count("SELECT COUNT(*) FROM notes")).isZero();
        assertThat(count("SELECT COUNT(*) FROM engine_audit")).isZero();
        assertThat(engine.pool().checkedOut()).isZero();
    }

    private long count(String sql) throws SQLException {
        TestDatabase.Db db = db();
        try (java.sql.Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql) throws SQLException {
        TestDatabase.Db db = db();
        try (java.sql.Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}

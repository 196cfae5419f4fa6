package dev.retort.engine.sql;

import static dev.retort.engine.schema.ColumnOption.primaryKey;
import static dev.retort.engine.schema.ColumnOption.references;
import static dev.retort.engine.schema.Types.INTEGER;
import static dev.retort.engine.schema.Types.string;

import dev.retort.engine.schema.Column;
import dev.retort.engine.schema.MetaData;
import dev.retort.engine.schema.Table;

/** The spec's {@code users} and {@code addresses} tables, declared the typed way. */
final class SampleTables {

    static final class Users extends Table {
        final Column<Integer> id = column("id", INTEGER, primaryKey());
        final Column<String> name = column("name", string(50));
        final Column<String> email = column("email", string(50));
        final Column<String> status = column("status", string(20));

        Users(MetaData m) {
            this(m, "users");
        }

        Users(MetaData m, String tableName) {
            super(tableName, m);
        }
    }

    static final class Addresses extends Table {
        final Column<Integer> id = column("id", INTEGER, primaryKey());
        final Column<Integer> userId;
        final Column<String> email = column("email", string(50));

        Addresses(MetaData m) {
            this(m, "addresses", "users");
        }

        Addresses(MetaData m, String tableName, String usersName) {
            super(tableName, m);
            userId = column("user_id", INTEGER, references(usersName + ".id"));
        }
    }

    final MetaData metadata = new MetaData();
    final Users users = new Users(metadata);
    final Addresses addresses = new Addresses(metadata);
}

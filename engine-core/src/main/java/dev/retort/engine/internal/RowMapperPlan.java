package dev.retort.engine.internal;

import dev.retort.engine.exc.ArgumentException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to turn a row of one result shape into an instance of one class: a Java record through its canonical
 * constructor (by component name) or a bean through its setters. Built once per (result shape, class) with
 * reflection; applying it uses prepared method handles only. {@code snake_case} columns match {@code camelCase}
 * names.
 *
 * <p>A record is mapped straight from the cursor by one method handle that calls the typed getter of each column
 * ({@code getLong}, {@code getString}, {@code getObject(column, LocalDateTime.class)}, …) and passes the values to the
 * constructor: no array, no boxing. A typed getter is used only where the column's JDBC type matches the component's
 * type; any other pairing reads the column's value and converts it as {@link Conversions#convert(Object, Class,
 * String)} does, so a conversion fails the same way (an {@link ArgumentException} naming the column) whether the row
 * is mapped from the cursor or from a {@code Row}.
 *
 * @param <T> the target type
 */
public final class RowMapperPlan<T> {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private final Class<T> type;
    private final String[] labels;
    private final int[] columns;
    private final int[] readers;
    private final Class<?>[] types;
    private final MethodHandle constructor;
    private final MethodHandle @Nullable [] setters;
    private final @Nullable MethodHandle fromCursor;

    private RowMapperPlan(Class<T> type, Shape shape, int[] columns, Class<?>[] types, MethodHandle constructor,
            MethodHandle @Nullable [] setters, @Nullable MethodHandle fromCursor) {
        this.type = type;
        this.columns = columns;
        this.types = types;
        this.constructor = constructor;
        this.setters = setters;
        this.fromCursor = fromCursor;
        this.labels = new String[columns.length];
        this.readers = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            labels[i] = shape.keys[columns[i]];
            readers[i] = shape.reader(columns[i]);
        }
    }

    /** The columns of a result shape: labels, and when known their JDBC types and readers ({@link ColumnReader}). */
    private record Shape(String[] keys, int @Nullable [] jdbcTypes, int @Nullable [] readers) {
        int reader(int column) {
            return readers == null ? ColumnReader.OBJECT : readers[column];
        }

        int jdbcType(int column) {
            return jdbcTypes == null ? Types.OTHER : jdbcTypes[column];
        }
    }

    /** The class this plan creates. */
    public Class<T> type() {
        return type;
    }

    /** Builds a plan for rows with these labels only (types unknown: every value is read and converted). */
    public static <T> RowMapperPlan<T> create(String[] keys, Class<T> type) {
        return create(keys, null, null, type);
    }

    /**
     * Builds the plan; a column with no target, or a record component with no column, raises an error.
     *
     * @param keys the column labels
     * @param jdbcTypes each column's {@link java.sql.Types} code, or {@code null} when unknown
     * @param readers each column's {@link ColumnReader}, or {@code null} when every column is read with getObject
     * @param type the record or bean class
     */
    public static <T> RowMapperPlan<T> create(String[] keys, int @Nullable [] jdbcTypes, int @Nullable [] readers,
            Class<T> type) {
        Shape shape = new Shape(keys, jdbcTypes, readers);
        try {
            return type.isRecord() ? record(shape, type) : bean(shape, type);
        } catch (NoSuchMethodException e) {
            throw new ArgumentException("Cannot map rows to " + type.getName() + ": it needs a canonical constructor "
                    + "(records) or a no-argument constructor and setters (beans)", e);
        } catch (IllegalAccessException | RuntimeException e) {
            if (e instanceof ArgumentException ae) {
                throw ae;
            }
            throw new ArgumentException("Cannot map rows to " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static <T> RowMapperPlan<T> record(Shape shape, Class<T> type)
            throws NoSuchMethodException, IllegalAccessException {
        String[] keys = shape.keys;
        Map<String, Integer> byName = byName(keys);
        RecordComponent[] components = type.getRecordComponents();
        int[] columns = new int[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<String> missing = new ArrayList<>();
        boolean[] used = new boolean[keys.length];
        for (int i = 0; i < components.length; i++) {
            Integer column = byName.get(normalize(components[i].getName()));
            if (column == null) {
                missing.add(components[i].getName());
                continue;
            }
            columns[i] = column;
            used[column] = true;
            types[i] = components[i].getType();
        }
        if (!missing.isEmpty()) {
            throw new ArgumentException("Cannot map row to record " + type.getName() + ": no column for "
                    + "component(s) " + missing + "; the result has columns " + List.of(keys));
        }
        checkUnused(keys, used, type);
        Constructor<T> ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        MethodHandle direct = LOOKUP.unreflectConstructor(ctor);
        // exact (Object[])Object type: invokeExact needs no adaptation per call
        MethodHandle spread = direct.asSpreader(Object[].class, types.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
        MethodHandle[] getters = new MethodHandle[types.length];
        for (int i = 0; i < types.length; i++) {
            getters[i] = getter(shape, columns[i], types[i]);
        }
        MethodHandle fromCursor = MethodHandles.permuteArguments(MethodHandles.filterArguments(direct, 0, getters),
                MethodType.methodType(type, ResultSet.class), new int[types.length])
                .asType(MethodType.methodType(Object.class, ResultSet.class));
        return new RowMapperPlan<>(type, shape, columns, types, spread, null, fromCursor);
    }

    private static <T> RowMapperPlan<T> bean(Shape shape, Class<T> type)
            throws NoSuchMethodException, IllegalAccessException {
        String[] keys = shape.keys;
        Constructor<T> ctor = type.getDeclaredConstructor();
        ctor.setAccessible(true);
        Map<String, Method> settersByName = new HashMap<>();
        for (Method m : type.getMethods()) {
            if (m.getName().startsWith("set") && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
                settersByName.putIfAbsent(normalize(m.getName().substring(3)), m);
            }
        }
        int[] columns = new int[keys.length];
        Class<?>[] types = new Class<?>[keys.length];
        MethodHandle[] setters = new MethodHandle[keys.length];
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            Method setter = settersByName.get(normalize(keys[i]));
            if (setter == null) {
                unmatched.add(keys[i]);
                continue;
            }
            columns[i] = i;
            types[i] = setter.getParameterTypes()[0];
            setters[i] = LOOKUP.unreflect(setter).asType(MethodType.methodType(void.class, Object.class, Object.class));
        }
        if (!unmatched.isEmpty()) {
            throw new ArgumentException("Cannot map row to " + type.getName() + ": no setter for column(s) "
                    + unmatched + "; select only the columns the class has, or alias them");
        }
        return new RowMapperPlan<>(type, shape, columns, types,
                LOOKUP.unreflectConstructor(ctor).asType(MethodType.methodType(Object.class)), setters, null);
    }

    private static Map<String, Integer> byName(String[] keys) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            byName.putIfAbsent(normalize(keys[i]), i);
        }
        return byName;
    }

    private static void checkUnused(String[] keys, boolean[] used, Class<?> type) {
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (!used[i]) {
                extra.add(keys[i]);
            }
        }
        if (!extra.isEmpty()) {
            throw new ArgumentException("Cannot map row to record " + type.getName() + ": column(s) " + extra
                    + " match no record component; select only the columns the record has");
        }
    }

    /** Applies the plan to one row's values. */
    public T map(Object[] values) {
        Object[] args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            args[i] = convert(values[columns[i]], i);
        }
        return construct(args);
    }

    /** Maps the current row of a JDBC cursor, without an intermediate {@code Row}. */
    public T map(ResultSet rs) throws SQLException {
        if (fromCursor != null) {
            try {
                return type.cast((Object) fromCursor.invokeExact(rs));
            } catch (SQLException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new ArgumentException("Cannot create " + type.getName() + " from row: " + e, e);
            }
        }
        Object[] args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            args[i] = convert(ColumnReader.read(rs, columns[i] + 1, readers[i]), i);
        }
        return construct(args);
    }

    private @Nullable Object convert(@Nullable Object value, int i) {
        Object converted = Conversions.convert(value, types[i], labels[i]);
        if (converted == null && types[i].isPrimitive() && setters == null) {
            throw nullForPrimitive(labels[i], types[i]);
        }
        return converted;
    }

    private T construct(Object[] args) {
        try {
            if (setters == null) {
                return type.cast((Object) constructor.invokeExact(args));
            }
            Object bean = (Object) constructor.invokeExact();
            for (int i = 0; i < setters.length; i++) {
                if (args[i] != null || !types[i].isPrimitive()) {
                    setters[i].invokeExact(bean, args[i]);
                }
            }
            return type.cast(bean);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new ArgumentException("Cannot create " + type.getName() + " from row: " + e, e);
        }
    }

    // ------------------------------------------------------------------ typed getters for records

    /** A {@code (ResultSet) target} handle reading one column the cheapest way its JDBC type and target allow. */
    private static MethodHandle getter(Shape shape, int index, Class<?> target)
            throws NoSuchMethodException, IllegalAccessException {
        int jdbcType = shape.jdbcType(index);
        int reader = shape.reader(index);
        String label = shape.keys[index];
        int column = index + 1;
        MethodHandle read;
        if (target == long.class && isIntegral(jdbcType)) {
            read = MethodHandles.insertArguments(helper("readLong", long.class), 1, column, label);
        } else if (target == int.class && (jdbcType == Types.INTEGER || jdbcType == Types.SMALLINT
                || jdbcType == Types.TINYINT)) {
            read = MethodHandles.insertArguments(helper("readInt", int.class), 1, column, label);
        } else if (target == boolean.class && (jdbcType == Types.BOOLEAN || jdbcType == Types.BIT)) {
            read = MethodHandles.insertArguments(helper("readBoolean", boolean.class), 1, column, label);
        } else if (target == double.class && (jdbcType == Types.DOUBLE || jdbcType == Types.FLOAT)) {
            read = MethodHandles.insertArguments(helper("readDouble", double.class), 1, column, label);
        } else if (target == String.class && isText(jdbcType)) {
            read = MethodHandles.insertArguments(LOOKUP.findVirtual(ResultSet.class, "getString",
                    MethodType.methodType(String.class, int.class)), 1, column);
        } else if (target == BigDecimal.class && (jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC)) {
            read = MethodHandles.insertArguments(LOOKUP.findVirtual(ResultSet.class, "getBigDecimal",
                    MethodType.methodType(BigDecimal.class, int.class)), 1, column);
        } else if (target == ColumnReader.javaType(reader)) {
            read = MethodHandles.insertArguments(LOOKUP.findVirtual(ResultSet.class, "getObject",
                    MethodType.methodType(Object.class, int.class, Class.class)), 1, column, target);
        } else {
            // any other pairing: the column's value, converted (ArgumentException naming the column on failure)
            read = MethodHandles.insertArguments(LOOKUP.findStatic(RowMapperPlan.class, "readConverted",
                    MethodType.methodType(Object.class, ResultSet.class, int.class, int.class, Class.class,
                            String.class)), 1, column, reader, target, label);
        }
        return read.asType(MethodType.methodType(target, ResultSet.class));
    }

    private static MethodHandle helper(String name, Class<?> returns) throws NoSuchMethodException,
            IllegalAccessException {
        return LOOKUP.findStatic(RowMapperPlan.class, name,
                MethodType.methodType(returns, ResultSet.class, int.class, String.class));
    }

    private static boolean isIntegral(int jdbcType) {
        return jdbcType == Types.BIGINT || jdbcType == Types.INTEGER || jdbcType == Types.SMALLINT
                || jdbcType == Types.TINYINT;
    }

    private static boolean isText(int jdbcType) {
        return jdbcType == Types.VARCHAR || jdbcType == Types.CHAR || jdbcType == Types.LONGVARCHAR
                || jdbcType == Types.NVARCHAR || jdbcType == Types.NCHAR || jdbcType == Types.LONGNVARCHAR;
    }

    // a typed getter returns 0/false for NULL: only then is wasNull() worth asking

    private static long readLong(ResultSet rs, int column, String label) throws SQLException {
        long value = rs.getLong(column);
        if (value == 0 && rs.wasNull()) {
            throw nullForPrimitive(label, long.class);
        }
        return value;
    }

    private static int readInt(ResultSet rs, int column, String label) throws SQLException {
        int value = rs.getInt(column);
        if (value == 0 && rs.wasNull()) {
            throw nullForPrimitive(label, int.class);
        }
        return value;
    }

    private static boolean readBoolean(ResultSet rs, int column, String label) throws SQLException {
        boolean value = rs.getBoolean(column);
        if (!value && rs.wasNull()) {
            throw nullForPrimitive(label, boolean.class);
        }
        return value;
    }

    private static double readDouble(ResultSet rs, int column, String label) throws SQLException {
        double value = rs.getDouble(column);
        if (value == 0 && rs.wasNull()) {
            throw nullForPrimitive(label, double.class);
        }
        return value;
    }

    private static @Nullable Object readConverted(ResultSet rs, int column, int reader, Class<?> target,
            String label) throws SQLException {
        Object value = Conversions.convert(ColumnReader.read(rs, column, reader), target, label);
        if (value == null && target.isPrimitive()) {
            throw nullForPrimitive(label, target);
        }
        return value;
    }

    private static ArgumentException nullForPrimitive(String label, Class<?> target) {
        return new ArgumentException("Column '" + label + "' is NULL, which a primitive " + target.getName()
                + " cannot hold; map it to the wrapper type (" + Conversions.wrapper(target).getSimpleName()
                + ") or COALESCE the column in SQL");
    }

    private static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}

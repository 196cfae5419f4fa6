package dev.retort.engine.internal;

import dev.retort.engine.exc.ArgumentException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to turn a row of one result shape into an instance of one class: a Java record through its canonical
 * constructor (by component name) or a bean through its setters. Built once per (result shape, class) with
 * reflection; applying it to a row uses prepared method handles only. {@code snake_case} columns match
 * {@code camelCase} names.
 *
 * @param <T> the target type
 */
public final class RowMapperPlan<T> {

    private final Class<T> type;
    private final int[] columns;
    private final Class<?>[] types;
    private final MethodHandle constructor;
    private final MethodHandle[] setters;
    private final int[] readers;

    private RowMapperPlan(Class<T> type, int[] columns, Class<?>[] types, MethodHandle constructor,
            MethodHandle[] setters) {
        this.readers = readers(types);
        this.type = type;
        this.columns = columns;
        this.types = types;
        this.constructor = constructor;
        this.setters = setters;
    }

    /** The class this plan creates. */
    public Class<T> type() {
        return type;
    }

    /** Builds the plan; a column with no target, or a record component with no column, raises an error. */
    public static <T> RowMapperPlan<T> create(String[] keys, Class<T> type) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            byName.putIfAbsent(normalize(keys[i]), i);
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            if (type.isRecord()) {
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
                // exact (Object[])Object type: invokeExact needs no adaptation per call
                MethodHandle handle = lookup.unreflectConstructor(ctor).asSpreader(Object[].class, types.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return new RowMapperPlan<>(type, columns, types, handle, null);
            }
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
                setters[i] = lookup.unreflect(setter).asType(MethodType.methodType(void.class, Object.class, Object.class));
            }
            if (!unmatched.isEmpty()) {
                throw new ArgumentException("Cannot map row to " + type.getName() + ": no setter for column(s) "
                        + unmatched + "; select only the columns the class has, or alias them");
            }
            return new RowMapperPlan<>(type, columns, types,
                    lookup.unreflectConstructor(ctor).asType(MethodType.methodType(Object.class)), setters);
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
        try {
            if (setters == null) {
                Object[] args = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    args[i] = Conversions.convert(values[columns[i]], types[i]);
                    if (args[i] == null && types[i].isPrimitive()) {
                        throw new ArgumentException("Column for primitive component " + i + " of " + type.getName()
                                + " is NULL; use a wrapper type");
                    }
                }
                return type.cast((Object) constructor.invokeExact(args));
            }
            Object bean = (Object) constructor.invokeExact();
            for (int i = 0; i < setters.length; i++) {
                Object value = Conversions.convert(values[columns[i]], types[i]);
                if (value != null || !types[i].isPrimitive()) {
                    setters[i].invokeExact(bean, value);
                }
            }
            return type.cast(bean);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new ArgumentException("Cannot create " + type.getName() + " from row: " + e, e);
        }
    }

    /**
     * Maps the current row of a JDBC result set directly, without an intermediate {@code Row}: primitive targets are
     * read with the typed getters, {@code java.time}, {@code BigDecimal} and {@code String} targets with
     * {@code getObject(column, type)}, the rest converted as {@link #map(Object[])} converts them.
     */
    public T map(ResultSet rs) throws SQLException {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = read(rs, columns[i] + 1, i);
        }
        try {
            if (setters == null) {
                return type.cast((Object) constructor.invokeExact(values));
            }
            Object bean = (Object) constructor.invokeExact();
            for (int i = 0; i < setters.length; i++) {
                if (values[i] != null || !types[i].isPrimitive()) {
                    setters[i].invokeExact(bean, values[i]);
                }
            }
            return type.cast(bean);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new ArgumentException("Cannot create " + type.getName() + " from row: " + e, e);
        }
    }

    private @Nullable Object read(ResultSet rs, int column, int i) throws SQLException {
        Object value;
        switch (readers[i]) {
            case READ_LONG -> value = rs.getLong(column);
            case READ_INT -> value = rs.getInt(column);
            case READ_BOOLEAN -> value = rs.getBoolean(column);
            case READ_DOUBLE -> value = rs.getDouble(column);
            case READ_TYPED -> {
                return rs.getObject(column, types[i]);
            }
            default -> {
                return Conversions.convert(rs.getObject(column), types[i]);
            }
        }
        if (rs.wasNull()) {
            throw new ArgumentException("Column " + column + " is NULL but " + type.getName() + " needs a "
                    + types[i].getName() + "; use a wrapper type");
        }
        return value;
    }

    private static final int READ_CONVERT = 0;
    private static final int READ_LONG = 1;
    private static final int READ_INT = 2;
    private static final int READ_BOOLEAN = 3;
    private static final int READ_DOUBLE = 4;
    private static final int READ_TYPED = 5;

    private static int[] readers(Class<?>[] types) {
        int[] readers = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            readers[i] = t == long.class ? READ_LONG : t == int.class ? READ_INT : t == boolean.class ? READ_BOOLEAN
                    : t == double.class ? READ_DOUBLE
                    : t == String.class || t == java.math.BigDecimal.class || t == java.time.LocalDateTime.class
                            || t == java.time.LocalDate.class || t == java.time.LocalTime.class
                            || t == java.time.OffsetDateTime.class ? READ_TYPED : READ_CONVERT;
        }
        return readers;
    }

    private static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}

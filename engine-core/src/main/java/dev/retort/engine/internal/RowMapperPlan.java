package dev.retort.engine.internal;

import dev.retort.engine.exc.ArgumentException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
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
    private final int width;

    private RowMapperPlan(Class<T> type, int width, int[] columns, Class<?>[] types, MethodHandle constructor,
            MethodHandle[] setters) {
        this.width = width;
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
                MethodHandle handle = lookup.unreflectConstructor(ctor).asSpreader(Object[].class, types.length);
                return new RowMapperPlan<>(type, keys.length, columns, types, handle, null);
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
                setters[i] = lookup.unreflect(setter);
            }
            if (!unmatched.isEmpty()) {
                throw new ArgumentException("Cannot map row to " + type.getName() + ": no setter for column(s) "
                        + unmatched + "; select only the columns the class has, or alias them");
            }
            return new RowMapperPlan<>(type, keys.length, columns, types, lookup.unreflectConstructor(ctor), setters);
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
                return type.cast(constructor.invoke(args));
            }
            Object bean = constructor.invoke();
            for (int i = 0; i < setters.length; i++) {
                Object value = Conversions.convert(values[columns[i]], types[i]);
                if (value != null || !types[i].isPrimitive()) {
                    setters[i].invoke(bean, value);
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
     * Maps the current row of a JDBC result set directly, without an intermediate {@code Row}: {@code java.time}
     * and {@code BigDecimal} targets are read with {@code getObject(column, type)}, the rest as
     * {@link #map(Object[])} converts them.
     */
    public T map(ResultSet rs) throws SQLException {
        Object[] values = new Object[width];
        for (int i = 0; i < columns.length; i++) {
            int column = columns[i];
            Class<?> target = types[i];
            values[column] = DIRECT.contains(target) ? rs.getObject(column + 1, target) : rs.getObject(column + 1);
        }
        return map(values);
    }

    private static final java.util.Set<Class<?>> DIRECT = java.util.Set.of(java.time.LocalDateTime.class,
            java.time.LocalDate.class, java.time.LocalTime.class, java.time.OffsetDateTime.class,
            java.math.BigDecimal.class, String.class);

    private static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}

package dev.retort.engine.internal;

import dev.retort.engine.exc.ArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Converts column values read by the driver to the Java type asked for: numbers, {@code java.time} types,
 * {@link UUID}, enums by name, strings and byte arrays.
 */
public final class Conversions {

    private Conversions() {
    }

    /** Converts {@code value} to {@code type}; {@code null} stays {@code null}. */
    public static <T> @Nullable T convert(@Nullable Object value, Class<T> type) {
        return convert(value, type, null);
    }

    /**
     * Converts the value of column {@code label} to {@code type}; {@code null} stays {@code null}.
     *
     * @throws ArgumentException when the value cannot be converted; the message names the column, the value's type
     *     and the requested type
     */
    @SuppressWarnings("unchecked")
    public static <T> @Nullable T convert(@Nullable Object value, Class<T> type, @Nullable String label) {
        if (value == null) {
            return null;
        }
        Class<?> target = type.isPrimitive() ? wrapper(type) : type;
        if (target.isInstance(value)) {
            return (T) value;
        }
        try {
            Object converted = convertNonNull(value, target);
            if (converted != null) {
                return (T) converted;
            }
        } catch (RuntimeException | SQLException e) {
            throw cannot(value, type, label, e);
        }
        throw cannot(value, type, label, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static @Nullable Object convertNonNull(Object value, Class<?> target) throws SQLException {
        if (target == String.class) {
            if (value instanceof Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
            return value.toString();
        }
        if (Number.class.isAssignableFrom(target) && (value instanceof Number || value instanceof String)) {
            return number(value, target);
        }
        if (target == Boolean.class) {
            if (value instanceof Number n) {
                return n.intValue() != 0;
            }
            if (value instanceof String s) {
                return s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("t") || s.equalsIgnoreCase("y");
            }
        }
        if (target.isEnum()) {
            String name = value.toString();
            for (Object constant : target.getEnumConstants()) {
                if (((Enum) constant).name().equals(name)) {
                    return constant;
                }
            }
            for (Object constant : target.getEnumConstants()) {
                if (((Enum) constant).name().equalsIgnoreCase(name)) {
                    return constant;
                }
            }
            return null;
        }
        if (target == UUID.class) {
            if (value instanceof String s) {
                return UUID.fromString(s.trim());
            }
            if (value instanceof byte[] b && b.length == 16) {
                ByteBuffer bb = ByteBuffer.wrap(b);
                return new UUID(bb.getLong(), bb.getLong());
            }
        }
        if (target == byte[].class && value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (target == Character.class && value instanceof String s && s.length() == 1) {
            return s.charAt(0);
        }
        return time(value, target);
    }

    private static @Nullable Object time(Object value, Class<?> target) {
        if (target == LocalDate.class) {
            if (value instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            if (value instanceof Timestamp ts) {
                return ts.toLocalDateTime().toLocalDate();
            }
            if (value instanceof LocalDateTime ldt) {
                return ldt.toLocalDate();
            }
            if (value instanceof String s) {
                return LocalDate.parse(s);
            }
        } else if (target == LocalDateTime.class) {
            if (value instanceof Timestamp ts) {
                return ts.toLocalDateTime();
            }
            if (value instanceof java.sql.Date d) {
                return d.toLocalDate().atStartOfDay();
            }
            if (value instanceof OffsetDateTime odt) {
                return odt.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
            }
            if (value instanceof LocalDate ld) {
                return ld.atStartOfDay();
            }
            if (value instanceof String s) {
                return LocalDateTime.parse(s.replace(' ', 'T'));
            }
        } else if (target == LocalTime.class) {
            if (value instanceof Time t) {
                return t.toLocalTime();
            }
            if (value instanceof String s) {
                return LocalTime.parse(s);
            }
        } else if (target == Instant.class) {
            if (value instanceof Timestamp ts) {
                return ts.toInstant();
            }
            if (value instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            if (value instanceof LocalDateTime ldt) {
                return ldt.atZone(ZoneId.systemDefault()).toInstant();
            }
            if (value instanceof Date d) {
                return Instant.ofEpochMilli(d.getTime());
            }
        } else if (target == OffsetDateTime.class) {
            if (value instanceof Timestamp ts) {
                return ts.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
            }
            if (value instanceof LocalDateTime ldt) {
                return ldt.atZone(ZoneId.systemDefault()).toOffsetDateTime();
            }
            if (value instanceof ZonedDateTime zdt) {
                return zdt.toOffsetDateTime();
            }
        } else if (target == Timestamp.class && value instanceof LocalDateTime ldt) {
            return Timestamp.valueOf(ldt);
        }
        return null;
    }

    private static Object number(Object value, Class<?> target) {
        if (value instanceof String s) {
            BigDecimal d = new BigDecimal(s.trim());
            return number(d, target);
        }
        Number n = (Number) value;
        if (target == Integer.class) {
            return exact(n, target).intValueExact();
        }
        if (target == Long.class) {
            return exact(n, target).longValueExact();
        }
        if (target == Short.class) {
            return exact(n, target).shortValueExact();
        }
        if (target == Byte.class) {
            return exact(n, target).byteValueExact();
        }
        if (target == Double.class) {
            return n.doubleValue();
        }
        if (target == Float.class) {
            return n.floatValue();
        }
        if (target == BigDecimal.class) {
            return n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
        }
        if (target == BigInteger.class) {
            return exact(n, target).toBigIntegerExact();
        }
        throw new ArgumentException("Unsupported number type " + target.getName());
    }

    private static BigDecimal exact(Number n, Class<?> target) {
        return n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
    }

    /** The wrapper class of a primitive type. */
    public static Class<?> wrapper(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == double.class) {
            return Double.class;
        }
        if (primitive == float.class) {
            return Float.class;
        }
        if (primitive == short.class) {
            return Short.class;
        }
        if (primitive == byte.class) {
            return Byte.class;
        }
        if (primitive == char.class) {
            return Character.class;
        }
        return primitive;
    }

    private static ArgumentException cannot(Object value, Class<?> type, @Nullable String label,
            @Nullable Exception cause) {
        String message = "Cannot convert value '" + Truncation.value(value) + "' of type " + value.getClass().getName()
                + (label != null ? " in column '" + label + "'" : "") + " to " + type.getName()
                + (cause != null ? ": " + Truncation.text(String.valueOf(cause.getMessage())) : "");
        return cause != null ? new ArgumentException(message, cause) : new ArgumentException(message);
    }
}

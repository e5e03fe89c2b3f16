package org.cephsync.mapping;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Lenient readers of single PVE values. PVE 7/8 serialise some numbers as strings ({@code "pool": "2"}) and
 * booleans as {@code 0}/{@code 1}/{@code "0"}/{@code "1"}; PVE 9 sends real numbers and booleans. Every
 * reader accepts both. A Java {@code null}, JSON {@code null} or an empty string reads as {@code null} (the
 * source did not say); a value that cannot be read as the asked type throws a {@link MappingException}
 * that says what it got, for the caller to prefix with the item and field ({@link PveFields} does).
 */
public final class PveValues {

    private PveValues() {
    }

    public static Long asLong(JsonValue value) {
        BigDecimal number = asDecimal(value, "a whole number");
        if (number == null) {
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException notWhole) {
            throw new MappingException("expected a whole number, got " + value);
        }
    }

    public static Integer asInt(JsonValue value) {
        Long number = asLong(value);
        if (number == null) {
            return null;
        }
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new MappingException("expected a 32-bit whole number, got " + value);
        }
        return number.intValue();
    }

    public static Double asDouble(JsonValue value) {
        BigDecimal number = asDecimal(value, "a number");
        return number == null ? null : number.doubleValue();
    }

    public static Boolean asBoolean(JsonValue value) {
        if (isAbsent(value)) {
            return null;
        }
        switch (value.getValueType()) {
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case NUMBER:
                // Perl's 0/1; any other number is as true as it is in Perl
                return ((JsonNumber) value).bigDecimalValue().signum() != 0;
            case STRING:
                return booleanText(((JsonString) value).getString().trim(), value);
            default:
                throw new MappingException("expected a boolean, got " + describe(value));
        }
    }

    /** Text of a scalar: strings as they are, numbers and booleans as JSON writes them. */
    public static String asString(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        switch (value.getValueType()) {
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
            case TRUE:
            case FALSE:
                return value.toString();
            default:
                throw new MappingException("expected text, got " + describe(value));
        }
    }

    public static JsonObject asObject(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MappingException("expected an object, got " + describe(value));
        }
        return value.asJsonObject();
    }

    /** @param what names the value in the message, e.g. "/nodes/{node}/ceph/osd" */
    public static JsonObject asObject(JsonValue value, String what) {
        try {
            return asObject(value);
        } catch (MappingException wrongKind) {
            throw new MappingException(what + ": " + wrongKind.getMessage(), wrongKind);
        }
    }

    public static JsonArray asArray(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MappingException("expected a list, got " + describe(value));
        }
        return value.asJsonArray();
    }

    /** @param what names the value in the message, e.g. "/nodes/{node}/ceph/pool" */
    public static JsonArray asArray(JsonValue value, String what) {
        try {
            return asArray(value);
        } catch (MappingException wrongKind) {
            throw new MappingException(what + ": " + wrongKind.getMessage(), wrongKind);
        }
    }

    /** Cuts text to a column's length; null stays null. */
    public static String truncate(String text, int maxLength) {
        return text == null || text.length() <= maxLength ? text : text.substring(0, maxLength);
    }

    /** A short, readable name of a value's kind for error messages (never the whole payload). */
    public static String describe(JsonValue value) {
        if (value == null) {
            return "nothing";
        }
        switch (value.getValueType()) {
            case OBJECT:
                return "an object";
            case ARRAY:
                return "a list";
            case STRING:
                String text = ((JsonString) value).getString();
                return "the text \"" + truncate(text, 40) + (text.length() > 40 ? "...\"" : "\"");
            case NUMBER:
                return "the number " + value;
            case NULL:
                return "null";
            default:
                return "the boolean " + value;
        }
    }

    private static boolean isAbsent(JsonValue value) {
        return value == null
                || value.getValueType() == JsonValue.ValueType.NULL
                || (value.getValueType() == JsonValue.ValueType.STRING && ((JsonString) value).getString().isBlank());
    }

    private static BigDecimal asDecimal(JsonValue value, String expected) {
        if (isAbsent(value)) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            return ((JsonNumber) value).bigDecimalValue();
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            try {
                return new BigDecimal(((JsonString) value).getString().trim());
            } catch (NumberFormatException notANumber) {
                throw new MappingException("expected " + expected + ", got " + describe(value));
            }
        }
        throw new MappingException("expected " + expected + ", got " + describe(value));
    }

    private static Boolean booleanText(String text, JsonValue value) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
            case "yes":
            case "on":
                return Boolean.TRUE;
            case "0":
            case "false":
            case "no":
            case "off":
                return Boolean.FALSE;
            default:
                throw new MappingException("expected a boolean, got " + describe(value));
        }
    }
}

package org.cephsync.inventory;

import jakarta.json.JsonObject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class JsonObjectConverter implements AttributeConverter<JsonObject, String> {

    @Override
    public String convertToDatabaseColumn(JsonObject value) {
        return JsonText.format(value);
    }

    @Override
    public JsonObject convertToEntityAttribute(String text) {
        return JsonText.parseObject(text);
    }
}

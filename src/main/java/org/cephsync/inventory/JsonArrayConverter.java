package org.cephsync.inventory;

import jakarta.json.JsonArray;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class JsonArrayConverter implements AttributeConverter<JsonArray, String> {

    @Override
    public String convertToDatabaseColumn(JsonArray value) {
        return JsonText.format(value);
    }

    @Override
    public JsonArray convertToEntityAttribute(String text) {
        return JsonText.parseArray(text);
    }
}

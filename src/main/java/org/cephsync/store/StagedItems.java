package org.cephsync.store;

import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.cephsync.inventory.JsonText;

/**
 * The items of one staged read, parsed one at a time from its compressed JSON array (a large read is never
 * held parsed whole), in their staged order.
 */
public final class StagedItems implements AutoCloseable {

    private final JsonParser parser;
    private final int count;
    private int position;

    StagedItems(byte[] gzippedArray, int count) {
        try {
            this.parser = JsonText.json().createParser(new GZIPInputStream(new ByteArrayInputStream(gzippedArray)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.count = count;
        if (parser.next() != JsonParser.Event.START_ARRAY) {
            throw new IllegalStateException("a staged read is not a JSON array");
        }
    }

    /** How many items the read has, and how many have been handed on or skipped. */
    public int count() {
        return count;
    }

    public int position() {
        return position;
    }

    public boolean hasNext() {
        return position < count;
    }

    public JsonObject next() {
        if (!hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
            throw new NoSuchElementException("item " + position + " of a staged read of " + count);
        }
        position++;
        return parser.getObject();
    }

    /** Skips the first {@code n} items (those a restart's checkpoint says were written already). */
    public StagedItems skip(int n) {
        while (position < n && hasNext()) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw new NoSuchElementException("item " + position + " of a staged read of " + count);
            }
            parser.skipObject();
            position++;
        }
        return this;
    }

    @Override
    public void close() {
        parser.close();
    }
}

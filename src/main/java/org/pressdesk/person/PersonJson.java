package org.pressdesk.person;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.util.RawValue;

/**
 * A person's JSON exactly as the API writes a {@link Person}, as the search index keeps
 * it (UTF-8): a page of results is written from it byte for byte, without reading each
 * person back into objects and writing them out again (measured: that was most of what a
 * search allocated, and a third of its time). The API description shows it as a
 * {@link Person}.
 */
@Schema(name = "Person", implementation = Person.class)
public final class PersonJson implements SerializableString {

	private final byte[] utf8;

	PersonJson(byte[] utf8) {
		this.utf8 = utf8;
	}

	@JsonValue
	RawValue asWritten() {
		return new RawValue(this);
	}

	// Jackson's generator writing UTF-8 (the HTTP answer) asks for the bytes unquoted;
	// anything else is answered from the text

	@Override
	public byte[] asUnquotedUTF8() {
		return utf8;
	}

	@Override
	public int appendUnquotedUTF8(byte[] buffer, int offset) {
		if (utf8.length > buffer.length - offset) {
			return -1;
		}
		System.arraycopy(utf8, 0, buffer, offset, utf8.length);
		return utf8.length;
	}

	@Override
	public int writeUnquotedUTF8(OutputStream out) throws IOException {
		out.write(utf8);
		return utf8.length;
	}

	@Override
	public int putUnquotedUTF8(ByteBuffer buffer) {
		if (utf8.length > buffer.remaining()) {
			return -1;
		}
		buffer.put(utf8);
		return utf8.length;
	}

	@Override
	public String getValue() {
		return new String(utf8, StandardCharsets.UTF_8);
	}

	@Override
	public int charLength() {
		return getValue().length();
	}

	@Override
	public int appendUnquoted(char[] buffer, int offset) {
		return asText().appendUnquoted(buffer, offset);
	}

	@Override
	public char[] asQuotedChars() {
		return asText().asQuotedChars();
	}

	@Override
	public byte[] asQuotedUTF8() {
		return asText().asQuotedUTF8();
	}

	@Override
	public int appendQuotedUTF8(byte[] buffer, int offset) {
		return asText().appendQuotedUTF8(buffer, offset);
	}

	@Override
	public int appendQuoted(char[] buffer, int offset) {
		return asText().appendQuoted(buffer, offset);
	}

	@Override
	public int writeQuotedUTF8(OutputStream out) throws IOException {
		return asText().writeQuotedUTF8(out);
	}

	@Override
	public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
		return asText().putQuotedUTF8(buffer);
	}

	private SerializedString asText() {
		return new SerializedString(getValue());
	}

	@Override
	public String toString() {
		return getValue();
	}

}

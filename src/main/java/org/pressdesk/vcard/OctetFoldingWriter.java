package org.pressdesk.vcard;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Folds lines at 75 octets of UTF-8, as RFC 6350 asks (ez-vcard counts characters, so a line of
 * accented or CJK text would run long). Continuation lines start with a space; a character is
 * never split, a surrogate pair neither.
 */
final class OctetFoldingWriter extends FilterWriter {

	static final int MAX_OCTETS = 75;

	private int octetsInLine;

	private char pendingHighSurrogate;

	OctetFoldingWriter(Writer out) {
		super(out);
	}

	@Override
	public void write(int c) throws IOException {
		char ch = (char) c;
		if (ch == '\r' || ch == '\n') {
			octetsInLine = 0;
			out.write(ch);
			return;
		}
		if (Character.isHighSurrogate(ch)) {
			pendingHighSurrogate = ch;
			return;
		}
		int octets;
		if (Character.isLowSurrogate(ch) && pendingHighSurrogate != 0) {
			octets = 4;
		}
		else {
			octets = ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
		}
		if (octetsInLine + octets > MAX_OCTETS) {
			out.write("\r\n ");
			octetsInLine = 1;
		}
		if (octets == 4) {
			out.write(pendingHighSurrogate);
			pendingHighSurrogate = 0;
		}
		out.write(ch);
		octetsInLine += octets;
	}

	@Override
	public void write(char[] buffer, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			write(buffer[i]);
		}
	}

	@Override
	public void write(String text, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			write(text.charAt(i));
		}
	}

}

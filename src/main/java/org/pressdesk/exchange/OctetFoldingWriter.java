package org.pressdesk.exchange;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Folds lines at 75 octets of UTF-8, as RFC 6350 asks (ez-vcard counts characters, so a
 * line of accented or CJK text would run long). Continuation lines start with a space; a
 * character is never split, a surrogate pair neither. Text passes through in runs, not
 * character by character.
 */
final class OctetFoldingWriter extends FilterWriter {

	static final int MAX_OCTETS = 75;

	private int octetsInLine;

	private char pendingHighSurrogate;

	OctetFoldingWriter(Writer out) {
		super(out);
	}

	@Override
	public void flush() throws IOException {
		if (pendingHighSurrogate != 0) {
			// a lone high surrogate is not text; write it as it came rather than lose it
			out.write(pendingHighSurrogate);
			pendingHighSurrogate = 0;
		}
		super.flush();
	}

	@Override
	public void write(int c) throws IOException {
		write(new char[] { (char) c }, 0, 1);
	}

	@Override
	public void write(String text, int offset, int length) throws IOException {
		write(text.toCharArray(), offset, length);
	}

	@Override
	public void write(char[] buffer, int offset, int length) throws IOException {
		if (pendingHighSurrogate != 0) {
			// the first half of a pair ended the previous write: fold the pair as one
			// character
			char[] joined = new char[length + 1];
			joined[0] = pendingHighSurrogate;
			System.arraycopy(buffer, offset, joined, 1, length);
			pendingHighSurrogate = 0;
			write(joined, 0, joined.length);
			return;
		}
		if (length > 0 && Character.isHighSurrogate(buffer[offset + length - 1])) {
			pendingHighSurrogate = buffer[offset + length - 1];
			length--;
		}
		int runStart = offset;
		int end = offset + length;
		for (int i = offset; i < end; i++) {
			char ch = buffer[i];
			if (ch == '\r' || ch == '\n') {
				octetsInLine = 0;
				continue;
			}
			int octets;
			if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(buffer[i + 1])) {
				octets = 4;
			}
			else {
				octets = ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
			}
			if (octetsInLine + octets > MAX_OCTETS) {
				out.write(buffer, runStart, i - runStart);
				out.write("\r\n ");
				runStart = i;
				octetsInLine = 1;
			}
			octetsInLine += octets;
			if (octets == 4) {
				i++;
			}
		}
		out.write(buffer, runStart, end - runStart);
	}

}

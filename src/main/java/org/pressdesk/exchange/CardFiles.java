package org.pressdesk.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.TargetApplication;
import ezvcard.io.text.VCardWriter;

import org.pressdesk.text.Folding;

import org.springframework.http.MediaType;

/** Writing .vcf files: UTF-8 without BOM, CRLF, folded at 75 octets. */
public final class CardFiles {

	public static final MediaType VCARD = new MediaType("text", "vcard", StandardCharsets.UTF_8);

	static final String PRODUCT_ID = "-//Pressdesk//Pressdesk//EN";

	private CardFiles() {
	}

	/**
	 * A writer of cards onto {@code out}, which must encode UTF-8 (ez-vcard would
	 * otherwise use the platform charset for 2.1 and 3.0, and "López" would become
	 * "L?pez" under a C locale).
	 */
	public static VCardWriter writer(Writer out, CardFormat format) {
		boolean outlook = format == CardFormat.OUTLOOK;
		VCardWriter writer = new VCardWriter(outlook ? out : new OctetFoldingWriter(out), format.version());
		writer.setAddProdId(false);
		writer.setIncludeTrailingSemicolons(true);
		// a parameter value may hold any text a person typed (a phonetic name in N's
		// SORT-AS): in 4.0, RFC 6868 writes the characters it cannot hold (" and line
		// breaks) as ^' and ^n; without it ez-vcard refuses the whole card
		writer.setCaretEncodingEnabled(format.version() == VCardVersion.V4_0);
		if (outlook) {
			writer.setTargetApplication(TargetApplication.OUTLOOK);
		}
		// 3.0 and 4.0 are folded by OctetFoldingWriter. A 2.1 card is not folded at all:
		// a long quoted-printable value would be split with soft line breaks, which
		// several parsers (python-vobject among them) do not join, while Outlook reads
		// long lines as they are.
		writer.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
		return writer;
	}

	public static void write(VCardWriter writer, VCard card) {
		card.setProductId(PRODUCT_ID);
		try {
			writer.write(card);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A whole .vcf file in memory, for small ones. */
	public static byte[] toBytes(List<VCard> cards, CardFormat format) {
		StringWriter text = new StringWriter();
		VCardWriter writer = writer(text, format);
		cards.forEach(card -> write(writer, card));
		try {
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A Content-Disposition that every browser saves under a sensible name: an ASCII
	 * fallback and the UTF-8 name (RFC 6266).
	 */
	public static String attachment(String name) {
		String ascii = Folding.unaccented(name).replaceAll("[^A-Za-z0-9._ -]+", "-").replaceAll("-{2,}", "-").strip();
		String fallback = ascii.isEmpty() ? "contact" : ascii;
		String encoded = URLEncoder.encode(name.strip(), StandardCharsets.UTF_8).replace("+", "%20");
		return "attachment; filename=\"" + fallback + ".vcf\"; filename*=UTF-8''" + encoded + ".vcf";
	}

}

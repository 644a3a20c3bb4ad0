package org.pressdesk.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
	 * A file of cards to download: its media type, Content-Disposition and bytes.
	 */
	public record Download(MediaType type, String disposition, byte[] body) {
	}

	/**
	 * The cards as one .vcf file named {@code name}; for Outlook, which imports only the
	 * first card of a file, several cards become a .zip of one .vcf per card, each named
	 * by the person's name.
	 */
	public static Download download(List<VCard> cards, CardFormat format, String name) {
		if (format != CardFormat.OUTLOOK || cards.size() <= 1) {
			return new Download(VCARD, attachment(name, ".vcf"), toBytes(cards, format));
		}
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream files = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
			Set<String> taken = new HashSet<>();
			for (VCard card : cards) {
				// a name as Windows allows it in a file name
				String person = (card.getFormattedName() == null ? "contact" : card.getFormattedName().getValue())
					.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ")
					.strip();
				String fileName = person + ".vcf";
				for (int n = 2; !taken.add(fileName); n++) {
					fileName = person + " (" + n + ").vcf";
				}
				ZipEntry entry = new ZipEntry(fileName);
				// the same cards make the same bytes: the public ETag is that of the
				// bytes
				entry.setTimeLocal(FILE_TIME);
				files.putNextEntry(entry);
				files.write(toBytes(List.of(card), format));
				files.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Download(ZIP, attachment(name, ".zip"), zip.toByteArray());
	}

	private static final MediaType ZIP = new MediaType("application", "zip");

	private static final LocalDateTime FILE_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

	/**
	 * A Content-Disposition that every browser saves under a sensible name: an ASCII
	 * fallback and the UTF-8 name (RFC 6266).
	 */
	public static String attachment(String name, String extension) {
		String ascii = Folding.unaccented(name).replaceAll("[^A-Za-z0-9._ -]+", "-").replaceAll("-{2,}", "-").strip();
		String fallback = ascii.isEmpty() ? "contact" : ascii;
		String encoded = URLEncoder.encode(name.strip(), StandardCharsets.UTF_8).replace("+", "%20");
		return "attachment; filename=\"" + fallback + extension + "\"; filename*=UTF-8''" + encoded + extension;
	}

}

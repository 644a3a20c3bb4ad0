package org.pressdesk.pages;

import java.util.Map;
import java.util.Optional;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as inline SVG: a phone's camera reads a vCard from the screen and offers to
 * add the contact. Inline, because the pages' CSP allows no images from elsewhere, data:
 * URIs included.
 */
final class QrCodes {

	private QrCodes() {
	}

	/**
	 * An SVG of the text's QR code, one path of dark modules, scaled by the page; empty
	 * when the text is more than a QR code holds (about 2,900 bytes: a card with many
	 * long emails, say).
	 */
	static Optional<String> svg(String text) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION,
							ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 2));
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
					}
				}
			}
			return Optional.of("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
					+ matrix.getHeight() + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
					+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
					+ "\"/></svg>");
		}
		catch (WriterException | IllegalArgumentException tooLarge) {
			return Optional.empty();
		}
	}

}

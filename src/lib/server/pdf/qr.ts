// QR codes as SVG, so a PDF prints them sharp at any size.
import QRCode from 'qrcode';

/** An SVG QR code for `text`, with the quiet zone around it that phone cameras need. */
export async function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

// Renders a PDF from a Typst template, with no browser and no files on disk. Data goes in as JSON through
// `sys.inputs`, never spliced into the source: a firm name full of #, * or $ stays plain text, and a
// template is a fixed string that can be read and tested on its own.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { join } from 'node:path';
import { projectRoot } from '../db/paths';

export class TypstRenderError extends Error {
	constructor(readonly diagnostics: string[]) {
		super(`Typst could not render the document:\n${diagnostics.join('\n')}`);
		this.name = 'TypstRenderError';
	}
}

export interface RenderPdfInput {
	/** Typst source. It reads its data with `#let data = json(bytes(sys.inputs.data))`. */
	template: string;
	/** Anything JSON can carry; SVG images travel as strings and are shown with `image(bytes(...))`. */
	data: unknown;
	/** The document's creation date (PDF metadata); now unless given. */
	createdAt?: Date;
}

export interface RenderedPdf {
	pdf: Uint8Array;
	pages: number;
}

// Creating a compiler loads every font; one per process is plenty, since compiling is synchronous.
let compiler: NodeCompiler | undefined;

/**
 * Fonts the project ships (fonts/, with their licence) beside the system's: Noto Naskh Arabic, so the Arabic lines
 * of the poster and the cards are shaped and set right to left on any server, whatever fonts it has installed.
 */
const SHIPPED_FONTS = () => join(projectRoot(), 'fonts');

/** The family templates name for Arabic text. */
export const ARABIC_FONT = 'Noto Naskh Arabic';

function typst(): NodeCompiler {
	compiler ??= NodeCompiler.create({ fontArgs: [{ fontPaths: [SHIPPED_FONTS()] }] });
	return compiler;
}

/** The line a template starts with to read its data. */
export const TYPST_DATA_PRELUDE = '#let data = json(bytes(sys.inputs.data))';

export function renderPdf(input: RenderPdfInput): RenderedPdf {
	const compiled = typst().compile({ mainFileContent: input.template, inputs: { data: JSON.stringify(input.data) } });
	const failure = compiled.takeError();
	const document = compiled.result;
	if (failure || !document) {
		const diagnostics = (failure?.shortDiagnostics ?? []).map(describeDiagnostic);
		throw new TypstRenderError(diagnostics.length > 0 ? diagnostics : ['no document']);
	}
	// The real date, so a reader's PDF viewer does not say 1 January 1970; with the same createdAt, the same
	// input still gives the same bytes. Typst takes whole seconds.
	const createdAt = input.createdAt ?? new Date();
	const pdf = typst().pdf(document, { creationTimestamp: Math.floor(createdAt.getTime() / 1000) });
	return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), pages: document.numOfPages };
}

function describeDiagnostic(diagnostic: unknown): string {
	if (diagnostic && typeof diagnostic === 'object' && 'message' in diagnostic) return String(diagnostic.message);
	return String(diagnostic);
}

/** A response for a PDF download; `inline` opens it in the browser, otherwise it is saved. */
export function pdfResponse(pdf: Uint8Array, fileName: string, options: { inline?: boolean } = {}): Response {
	const disposition = options.inline ? 'inline' : 'attachment';
	const safeName = fileName.replace(/[^A-Za-z0-9._-]+/g, '-');
	return new Response(pdf as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `${disposition}; filename="${safeName}"`,
			'cache-control': 'private, no-store'
		}
	});
}

// The readable API page's content, read from the OpenAPI document itself (not from the route table), so
// what people read is what programs read.
export interface DescribedOperation {
	method: string;
	path: string;
	summary: string;
	description: string;
	write: boolean;
	parameters: string[];
	requestSchema: string | null;
	responses: { status: string; description: string; schema: string | null }[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});

function schemaName(content: unknown): string | null {
	const ref = obj(obj(obj(content)['application/json'])['schema'])['$ref'];
	return typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : null;
}

export function describeOperations(doc: Json): DescribedOperation[] {
	const out: DescribedOperation[] = [];
	for (const [path, item] of Object.entries(obj(doc.paths))) {
		for (const [method, raw] of Object.entries(obj(item))) {
			const op = obj(raw);
			const description = String(op.description ?? '');
			out.push({
				method: method.toUpperCase(),
				path,
				summary: String(op.summary ?? ''),
				description,
				write: description.includes('write access'),
				parameters: (Array.isArray(op.parameters) ? op.parameters : []).map((p) => `${String(obj(p).name)} (${String(obj(p).in)})`),
				requestSchema: schemaName(obj(op.requestBody).content),
				responses: Object.entries(obj(op.responses)).map(([status, r]) => ({ status, description: String(obj(r).description ?? ''), schema: schemaName(obj(r).content) }))
			});
		}
	}
	return out;
}

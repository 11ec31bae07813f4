// The readable API page's content, read from the OpenAPI document itself (not from the route table), so
// what people read is what programs read. The page asks for the document in the reader's language.
export interface DescribedParameter {
	name: string;
	in: 'path' | 'query';
	required: boolean;
	description: string;
	values: string[];
	maxLength: number | null;
}

export interface DescribedOperation {
	method: string;
	path: string;
	summary: string;
	description: string;
	write: boolean;
	parameters: DescribedParameter[];
	requestSchema: string | null;
	responses: { status: string; description: string; schema: string | null }[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function schemaName(content: unknown): string | null {
	const ref = obj(obj(obj(content)['application/json'])['schema'])['$ref'];
	return typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : null;
}

function describeParameter(raw: unknown): DescribedParameter {
	const p = obj(raw);
	const schema = obj(p.schema);
	return {
		name: String(p.name),
		in: p.in === 'query' ? 'query' : 'path',
		required: p.required === true,
		description: String(p.description ?? ''),
		values: list(schema.enum).map(String),
		maxLength: typeof schema.maxLength === 'number' ? schema.maxLength : null
	};
}

export function describeOperations(doc: Json): DescribedOperation[] {
	const out: DescribedOperation[] = [];
	for (const [path, item] of Object.entries(obj(doc.paths))) {
		for (const [method, raw] of Object.entries(obj(item))) {
			const op = obj(raw);
			out.push({
				method: method.toUpperCase(),
				path,
				summary: String(op.summary ?? ''),
				description: String(op.description ?? ''),
				write: op['x-leerkompas-write'] === true,
				parameters: list(op.parameters).map(describeParameter),
				requestSchema: schemaName(obj(op.requestBody).content),
				responses: Object.entries(obj(op.responses)).map(([status, r]) => ({ status, description: String(obj(r).description ?? ''), schema: schemaName(obj(r).content) }))
			});
		}
	}
	return out;
}

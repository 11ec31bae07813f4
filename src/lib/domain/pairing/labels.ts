// Skill labels are free text ("Lassen", " lassen ", "LASSEN"): the same skill must match however it was typed,
// and be shown as the person first wrote it.

export const MAX_LABEL_LENGTH = 60;
export const MAX_LABELS = 12;

/** The form two labels are compared in: trimmed, single spaces, lower case. */
export function labelKey(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** A label as stored: trimmed with single spaces, case kept. */
export function cleanLabel(label: string): string {
	return label.trim().replace(/\s+/g, ' ');
}

/**
 * The labels in a comma- or line-separated text ("lassen, tekening lezen"), each once (by labelKey), in the
 * order given; empty parts are dropped.
 */
export function parseLabels(text: string): string[] {
	const seen = new Set<string>();
	const labels: string[] = [];
	for (const part of text.split(/[,;\n]/)) {
		const label = cleanLabel(part);
		const key = labelKey(label);
		if (key === '' || seen.has(key)) continue;
		seen.add(key);
		labels.push(label);
	}
	return labels;
}

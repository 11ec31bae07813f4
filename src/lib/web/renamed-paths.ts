// Paths that got an English name. Links to the old ones are out there (in mails, PDFs and bookmarks), so they
// answer with a permanent redirect (308, which keeps the method) to the same place under the new name.
// The respondents' short paths (/s/, /r/, /k/) are printed on posters and cards and never change.
const RENAMED: readonly { from: RegExp; to: string }[] = [
	{ from: /^\/methode(?=\/|$)/, to: '/method' },
	{ from: /^(\/firms\/[^/]+)\/gegevens(?=\/|$)/, to: '$1/data' }
];

/** The new path for an old one; null when the path was not renamed. */
export function renamedPath(pathname: string): string | null {
	for (const { from, to } of RENAMED) if (from.test(pathname)) return pathname.replace(from, to);
	return null;
}

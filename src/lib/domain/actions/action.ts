// An action the firm agreed on after its report: who does what by when. What is done is asked about in the
// next round (DESIGN.md, "After the report").

export const ACTION_STATUSES = ['niet-gestart', 'bezig', 'klaar', 'gestopt'] as const;

/** Where an action came from: a recommendation or knowledge-base entry, or the team's own idea. */
export const ACTION_ORIGINS = ['recommendation', 'kennisbank', 'free'] as const;

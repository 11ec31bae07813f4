// The respondent's side of a round, over plain HTTP: the pages under its link and what they say.

/** A page under a round's survey link: `/s/<token>` and, after it, `rest` (`/q/werk`, `/all`, `/thanks`). */
export const surveyPath = (round: { linkToken: string }, rest = '') => `/s/${round.linkToken}${rest}`;

/** A page's HTML with Svelte's escaped apostrophe written as one, so Dutch text ("collega's") can be matched as written. */
export const pageHtml = async (res: Response) => (await res.text()).replace(/&#39;/g, "'");

/** The submission key a survey page carries, which makes the same page sent twice count once. */
export const submissionKeyOf = (page: string) => page.match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)?.[1];

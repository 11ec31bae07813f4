// The self-scan's pages ship no JavaScript, like the respondent's pages: plain HTML and form posts.
export const csr = false;

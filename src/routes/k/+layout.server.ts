// The respondent's pages ship no JavaScript at all: plain HTML and form posts, fast on a cheap phone.
export const csr = false;

// Every test request asks the server to close the connection afterwards. The server rightly drops a socket
// when it answers a post before reading its whole body (a 413, a refusal); a pooled keep-alive connection
// can then be reused a moment too late and fail with ECONNRESET. Browsers retry that case; fetch does not.
const originalFetch = globalThis.fetch;

globalThis.fetch = (input, init = {}) => {
	const headers = new Headers(init.headers);
	if (!headers.has('connection')) headers.set('connection', 'close');
	return originalFetch(input, { ...init, headers });
};

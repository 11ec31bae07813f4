// SvelteKit's $lib alias for dependency-cruiser. The alias is also in SvelteKit's generated tsconfig, but
// relative to its folder in a way the tsconfig reader of dependency-cruiser does not follow.
const { join } = require('node:path');

module.exports = { resolve: { alias: { $lib: join(__dirname, 'src/lib') } } };

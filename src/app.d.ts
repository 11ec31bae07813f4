declare global {
	namespace App {
		interface Locals {
			user: { id: string; name: string; email: string; role: import('$lib/server/db/schema').PlatformRole; locale: import('$lib/server/db/schema').AccountLocale } | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};

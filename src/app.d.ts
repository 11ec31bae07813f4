declare global {
	namespace App {
		interface Locals {
			user: { id: string; name: string; email: string; role: 'user' | 'admin' } | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};

declare global {
	namespace App {
		interface Locals {
			user: { id: string; name: string; email: string; role: import('$lib/server/db/schema').PlatformRole; locale: import('$lib/server/db/schema').AccountLocale } | null;
		}
		interface PageData {
			/** On survey pages with answers to lose: the header's language buttons submit this form (survey-form.ts). */
			surveyForm?: import('$lib/survey-form').SurveyFormTarget;
		}
		interface Error {
			message: string;
		}
	}
}

export {};

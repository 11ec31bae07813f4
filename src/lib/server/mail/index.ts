export {
	createMailer,
	mailerDescription,
	outboxDir,
	MailConfigError,
	type Mailer,
	type MailConfig,
	type MailMessage,
	type SentMail
} from './mailer';
export { magicLinkMail, invitationMail, escapeHtml, type MailContent, type InvitationRole } from './templates';
export { parseEml, readOutbox, type ParsedMail } from './eml';

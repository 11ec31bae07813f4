export { createMailer, mailerDescription, MailConfigError } from './mailer';
export { magicLinkMail, invitationMail } from './templates';

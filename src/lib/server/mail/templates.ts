// The mails Leerkompas sends, as plain text plus simple HTML. Every value from users is escaped in the
// HTML; the texts themselves live in messages/cli/*.json (keys cli_mail_*).
import * as m from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { firmInvitation } from '../db/schema';

export interface MailContent {
	subject: string;
	text: string;
	html: string;
}

export type InvitationRole = (typeof firmInvitation.role.enumValues)[number];

export function magicLinkMail(input: { url: string; minutes: number; locale: Locale }): MailContent {
	const o = { locale: input.locale };
	return linkMail(input.locale, m.cli_mail_magic_link_subject({}, o), m.cli_mail_magic_link_intro({}, o), { url: input.url, label: m.cli_mail_magic_link_button({}, o) }, [
		m.cli_mail_magic_link_expiry({ minutes: input.minutes }, o),
		m.cli_mail_magic_link_ignore({}, o)
	]);
}

export function verificationMail(input: { url: string; hours: number; locale: Locale }): MailContent {
	const o = { locale: input.locale };
	return linkMail(input.locale, m.cli_mail_verify_subject({}, o), m.cli_mail_verify_intro({}, o), { url: input.url, label: m.cli_mail_verify_button({}, o) }, [
		m.cli_mail_verify_expiry({ hours: input.hours }, o),
		m.cli_mail_verify_ignore({}, o)
	]);
}

/** To the owner of an address someone tried to sign up with: the page said "check your mail" as for a new one. */
export function existingAccountMail(input: { loginUrl: string; forgotUrl: string; locale: Locale }): MailContent {
	const o = { locale: input.locale };
	return compose(input.locale, m.cli_mail_existing_subject({}, o), [
		{ kind: 'p', text: m.cli_mail_existing_intro({}, o) },
		{ kind: 'p', text: m.cli_mail_existing_login({}, o) },
		{ kind: 'link', url: input.loginUrl, label: m.cli_mail_existing_login_button({}, o) },
		{ kind: 'link', url: input.forgotUrl, label: m.cli_mail_existing_forgot_button({}, o) },
		{ kind: 'p', text: m.cli_mail_existing_ignore({}, o) }
	]);
}

export function passwordResetMail(input: { url: string; minutes: number; locale: Locale }): MailContent {
	const o = { locale: input.locale };
	return linkMail(input.locale, m.cli_mail_reset_subject({}, o), m.cli_mail_reset_intro({}, o), { url: input.url, label: m.cli_mail_reset_button({}, o) }, [
		m.cli_mail_reset_expiry({ minutes: input.minutes }, o),
		m.cli_mail_reset_ignore({}, o)
	]);
}

export function invitationMail(input: {
	url: string;
	firmName: string;
	role: InvitationRole;
	inviterName?: string | null;
	expiresAt: Date;
	locale: Locale;
}): MailContent {
	const { url, firmName, role, inviterName, expiresAt, locale } = input;
	const o = { locale };
	const roleText = roleName(role, locale);
	const intro = inviterName
		? m.cli_mail_invitation_intro({ inviter: inviterName, role: roleText, firm: firmName }, o)
		: m.cli_mail_invitation_intro_anonymous({ role: roleText, firm: firmName }, o);
	const what = role === 'manager' ? m.cli_mail_invitation_what_manager({}, o) : m.cli_mail_invitation_what_adviser({}, o);
	// Firms are Dutch, so the date is the date in the Netherlands, whatever the server's time zone.
	const date = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		dateStyle: 'long',
		timeZone: 'Europe/Amsterdam'
	}).format(expiresAt);
	return compose(locale, m.cli_mail_invitation_subject({ firm: firmName }, o), [
		{ kind: 'p', text: intro },
		{ kind: 'p', text: what },
		{ kind: 'p', text: m.cli_mail_invitation_accept({}, o) },
		{ kind: 'link', url, label: m.cli_mail_invitation_button({}, o) },
		{ kind: 'p', text: m.cli_mail_invitation_expiry({ date }, o) },
		{ kind: 'p', text: m.cli_mail_invitation_ignore({}, o) }
	]);
}

function roleName(role: InvitationRole, locale: Locale): string {
	const o = { locale };
	switch (role) {
		case 'manager':
			return m.cli_mail_role_manager({}, o);
		case 'adviser':
			return m.cli_mail_role_adviser({}, o);
		case 'coach':
			return m.cli_mail_role_coach({}, o);
		case 'ambassador':
			return m.cli_mail_role_ambassador({}, o);
		case 'retired':
			return m.cli_mail_role_retired({}, o);
	}
}

export type Block =
	| { kind: 'p'; text: string }
	| { kind: 'link'; url: string; label: string }
	| { kind: 'list'; items: string[] }
	/** A small text link, for what is not the point of the mail (settings, stopping it). */
	| { kind: 'small-link'; url: string; label: string };

/** The shape of every mail that carries one link: what it is for, the link, then how long it works and what if not asked for. */
function linkMail(locale: Locale, subject: string, intro: string, link: { url: string; label: string }, after: string[]): MailContent {
	return compose(locale, subject, [{ kind: 'p', text: intro }, { kind: 'link', ...link }, ...after.map((text): Block => ({ kind: 'p', text }))]);
}

/** A mail of paragraphs, buttons and lists, as plain text and as simple HTML with every value escaped. */
export function compose(locale: Locale, subject: string, blocks: Block[]): MailContent {
	const o = { locale };
	// Header injection is nodemailer's job, but a firm name with a line break would still garble the subject.
	const cleanSubject = subject.replace(/[\r\n]+/g, ' ');
	const text = [
		...blocks.map((b) => (b.kind === 'p' ? b.text : b.kind === 'list' ? b.items.map((item) => `- ${item}`).join('\n') : `${b.label}:\n${b.url}`)),
		'--',
		m.cli_mail_footer({}, o)
	].join('\n\n');
	const body = blocks
		.map((b) =>
			b.kind === 'p'
				? `<p style="margin:0 0 16px">${escapeHtml(b.text)}</p>`
				: b.kind === 'list'
					? `<ul style="margin:0 0 16px;padding-left:24px">${b.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
					: b.kind === 'small-link'
						? `<p style="margin:0 0 8px;font-size:14px"><a href="${escapeHtml(b.url)}" style="color:#1f5f8b">${escapeHtml(b.label)}</a></p>`
						: `<p style="margin:24px 0"><a href="${escapeHtml(b.url)}" style="background:#1f5f8b;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(b.label)}</a></p>` +
					`<p style="margin:0 0 16px;font-size:14px;color:#444444">${escapeHtml(m.cli_mail_link_fallback({}, o))}<br><a href="${escapeHtml(b.url)}" style="color:#1f5f8b;word-break:break-all">${escapeHtml(b.url)}</a></p>`
		)
		.join('\n');
	const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(cleanSubject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f4;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">
${body}
<p style="margin:24px 0 0;font-size:13px;color:#555555">${escapeHtml(m.cli_mail_footer({}, o))}</p>
</div>
</body>
</html>`;
	return { subject: cleanSubject, text, html };
}

export function escapeHtml(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

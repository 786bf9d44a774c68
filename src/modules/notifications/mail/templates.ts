import { renderCalendar } from "../../../platform/icalendar.js";
import { KINDS, type Language, type NotificationKind } from "../../notices/index.js";

/** What one e-mail says, before it goes to the transport. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  ics: string | null;
}

export interface MailInput {
  kind: string;
  language: Language;
  /** The notice's values; `title`, `body` and `link` come from the notice itself when there is one. */
  params: Record<string, unknown>;
  title: string | null;
  body: string | null;
  link: string | null;
  recipientName: string | null;
  publicUrl: string;
  /** Digest entries: one line each. */
  entries?: { title: string; link: string | null }[];
}

export const MAX_SUBJECT = 200;

/**
 * A header value from text that may come from a user: no CR, LF or other control characters (no header can be
 * injected), whitespace collapsed, cut to `max` characters with an ellipsis.
 */
export function headerSafe(value: string, max = MAX_SUBJECT): string {
  const visible = Array.from(value, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? " " : c;
  }).join("");
  const clean = visible.replace(/\s+/g, " ").trim();
  if ([...clean].length <= max) return clean;
  return `${[...clean].slice(0, max - 1).join("")}…`;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const WORDS: Record<Language, Record<string, string>> = {
  en: {
    hello: "Hello",
    open: "Open in Accord",
    reason: "Reason",
    why: "You receive this e-mail because of your notification settings in Accord.",
    settings: "Notification settings",
    reset:
      "Someone (hopefully you) asked to reset the password of your Accord account. The link works once, for 30 minutes:",
    resetIgnore: "If you did not ask for this, ignore this e-mail: your password stays as it is.",
    digest: "What happened in Accord since the last summary:",
    dates: "Dates",
    where: "Where",
  },
  az: {
    hello: "Salam",
    open: "Accord-da açın",
    reason: "Səbəb",
    why: "Bu məktubu Accord-dakı bildiriş parametrlərinizə görə alırsınız.",
    settings: "Bildiriş parametrləri",
    reset:
      "Kimsə (ümid edirik ki, siz) Accord hesabınızın şifrəsini yeniləməyi xahiş etdi. Keçid bir dəfə, 30 dəqiqə ərzində işləyir:",
    resetIgnore: "Əgər bunu siz xahiş etməmisinizsə, bu məktubu nəzərə almayın: şifrəniz dəyişməz qalır.",
    digest: "Son xülasədən bəri Accord-da baş verənlər:",
    dates: "Tarixlər",
    where: "Yer",
  },
  ru: {
    hello: "Здравствуйте",
    open: "Открыть в Accord",
    reason: "Причина",
    why: "Вы получили это письмо согласно вашим настройкам уведомлений в Accord.",
    settings: "Настройки уведомлений",
    reset:
      "Кто-то (надеемся, вы) запросил сброс пароля вашей учётной записи Accord. Ссылка действует один раз в течение 30 минут:",
    resetIgnore: "Если вы этого не запрашивали, просто проигнорируйте письмо: пароль не изменится.",
    digest: "Что произошло в Accord со времени последней сводки:",
    dates: "Даты",
    where: "Место",
  },
};

const text = (value: unknown) =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : null;

export function subjectOf(input: Pick<MailInput, "kind" | "language" | "params" | "title">): string {
  const spec = (KINDS as Record<string, { subject: Record<Language, string> }>)[input.kind];
  if (!spec) return headerSafe(input.title ?? input.kind);
  const filled = spec.subject[input.language].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = text(input.params[name]) ?? (name === "title" || name === "activity" ? input.title : null);
    return value ?? "";
  });
  return headerSafe(filled);
}

const absolute = (publicUrl: string, link: string | null) =>
  link ? `${publicUrl.replace(/\/$/, "")}${link.startsWith("/") ? link : `/${link}`}` : null;

/** Renders a notice (or a digest, or a password reset) as plain text and HTML in the recipient's language. */
export function renderMail(input: MailInput): RenderedMail {
  const w = WORDS[input.language];
  const subject = subjectOf(input);
  const url = absolute(input.publicUrl, input.link);
  const settingsUrl = absolute(input.publicUrl, "/notifications/preferences")!;
  const greeting = `${w.hello}${input.recipientName ? `, ${headerSafe(input.recipientName, 200)}` : ""},`;
  const lines: string[] = [];
  const html: string[] = [];
  const para = (value: string) => {
    lines.push(value, "");
    html.push(`<p>${escapeHtml(value).replace(/\n/g, "<br>")}</p>`);
  };

  para(greeting);
  if (input.kind === "account.password_reset") {
    para(w.reset!);
    const resetUrl = text(input.params.resetUrl) ?? "";
    lines.push(resetUrl, "");
    html.push(`<p><a href="${escapeHtml(resetUrl)}">${escapeHtml(resetUrl)}</a></p>`);
    para(w.resetIgnore!);
  } else if (input.kind === "digest") {
    para(w.digest!);
    for (const entry of input.entries ?? []) {
      const entryUrl = absolute(input.publicUrl, entry.link);
      lines.push(`- ${entry.title}${entryUrl ? ` <${entryUrl}>` : ""}`);
      html.push(
        `<li>${entryUrl ? `<a href="${escapeHtml(entryUrl)}">${escapeHtml(entry.title)}</a>` : escapeHtml(entry.title)}</li>`,
      );
    }
    lines.push("");
  } else {
    para(subject);
    const startsOn = text(input.params.startsOn);
    const endsOn = text(input.params.endsOn);
    if (startsOn) para(`${w.dates}: ${startsOn}${endsOn && endsOn !== startsOn ? ` – ${endsOn}` : ""}`);
    const where = [text(input.params.venue), text(input.params.city)].filter(Boolean).join(", ");
    if (where) para(`${w.where}: ${where}`);
    const reason = text(input.params.reason) ?? input.body;
    if (reason) para(input.params.reason ? `${w.reason}: ${reason}` : reason);
    if (url) {
      lines.push(`${w.open}: ${url}`, "");
      html.push(`<p><a href="${escapeHtml(url)}">${escapeHtml(w.open!)}</a></p>`);
    }
  }
  lines.push("--", w.why!, `${w.settings}: ${settingsUrl}`);
  html.push(
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(w.why!)} <a href="${escapeHtml(settingsUrl)}">${escapeHtml(w.settings!)}</a></p>`,
  );
  return {
    subject,
    text: lines.join("\n"),
    html: `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${html.join("\n")}</body></html>`,
    ics: icsOf(input),
  };
}

const SEAT_KINDS = new Set<string>([
  "nomination.accepted",
  "nomination.promoted",
] satisfies NotificationKind[]);

/** An accepted seat comes with the event as an iCalendar attachment. */
function icsOf(input: MailInput): string | null {
  if (!SEAT_KINDS.has(input.kind)) return null;
  const { eventId, code, activity, startsOn, endsOn, city, venue } = input.params as Record<
    string,
    string | null
  >;
  if (!eventId || !startsOn || !endsOn) return null;
  const title = code && activity?.startsWith(`${code} `) ? activity.slice(code.length + 1) : (activity ?? "");
  return renderCalendar({
    name: "Accord",
    entries: [
      {
        eventId,
        code: code ?? "",
        title,
        kind: "event",
        startsOn,
        endsOn,
        city: city ?? null,
        venue: venue ?? null,
        status: "planned",
        nominationStatus: "accepted",
        updatedAt: new Date(),
        description: absolute(input.publicUrl, input.link),
      },
    ],
  });
}

// What a notice is (its kinds, with their words in each language) and how one is recorded. Every module that tells
// people of a change imports this, and this imports no module, so telling never makes an import cycle; the
// notifications module (inbox, preferences, e-mail, reminders) builds on it.
export {
  asLanguage,
  isKind,
  KIND_NAMES,
  KINDS,
  LANGUAGES,
  type Language,
  type NotificationKind,
  PREFERENCE_KINDS,
} from "./kinds.js";
export { type NotifyInput, notify, notifyNominations, type Recipients } from "./notify.js";

import dayjs from "dayjs";
import localizedFormat from "dayjs/plugin/localizedFormat";
import i18next from "i18next";
import { useEffect, useState } from "react";
import { initReactI18next } from "react-i18next";
import { common } from "./common";
import { DAYJS_LOCALE } from "./format";
import {
  type FeatureI18n,
  type FeatureResources,
  isLanguage,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  type Language,
} from "./languages";

dayjs.extend(localizedFormat);

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return "en";
}

/** True when the user picked a language on this device; then the account's preference does not override it. */
export const hasStoredLanguage = (): boolean => storedLanguage() !== null;

function applyLanguage(language: string): void {
  const lang = isLanguage(language) ? language : "en";
  document.documentElement.lang = lang;
  dayjs.locale(DAYJS_LOCALE[lang]);
}

const lazyNamespaces = new Map<string, () => Promise<FeatureResources>>();
const loading = new Map<string, Promise<void>>();

/**
 * True once another feature's namespace is loaded (it starts loading on first use): for a component of one feature
 * shown on another feature's page, which the router did not load the strings of.
 */
export function useNamespace(namespace: string): boolean {
  const [ready, setReady] = useState(() => i18next.hasResourceBundle("en", namespace));
  useEffect(() => {
    if (ready) return;
    let live = true;
    ensureNamespace(namespace).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [namespace, ready]);
  return ready;
}

/**
 * Makes sure a namespace's strings are loaded (for namespaces registered as loaders). The router calls
 * it before a feature's page renders; call it yourself before using another feature's namespace.
 */
export function ensureNamespace(namespace: string): Promise<void> {
  const load = lazyNamespaces.get(namespace);
  if (!load || i18next.hasResourceBundle("en", namespace)) return Promise.resolve();
  let pending = loading.get(namespace);
  if (!pending) {
    pending = load().then((bundle) => {
      for (const language of LANGUAGES)
        i18next.addResourceBundle(language, namespace, bundle[language], true, true);
    });
    pending.catch(() => loading.delete(namespace));
    loading.set(namespace, pending);
  }
  return pending;
}

/**
 * Starts i18next with the shared `common` namespace and one namespace per feature: bundled resources are
 * added now, loaders are kept for `ensureNamespace`. Called once, before the first render, by `main.tsx`.
 */
export function initI18n(namespaces: Record<string, FeatureI18n>): typeof i18next {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const language of LANGUAGES) {
    resources[language] = { common: common[language] };
    for (const [namespace, bundle] of Object.entries(namespaces)) {
      if (typeof bundle === "function") lazyNamespaces.set(namespace, bundle);
      else resources[language][namespace] = bundle[language];
    }
  }
  i18next.on("languageChanged", applyLanguage);
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage() ?? browserLanguage(),
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    ns: ["common", ...Object.keys(namespaces).filter((namespace) => !lazyNamespaces.has(namespace))],
    defaultNS: "common",
    fallbackNS: "common",
    interpolation: { escapeValue: false },
    // Namespaces are loaded by the router before their pages render, never by suspending a component.
    react: { useSuspense: false },
    returnNull: false,
  });
  applyLanguage(i18next.language);
  return i18next;
}

/** Switches the language and, when `remember` is set, keeps the choice for the next visit. */
export function changeLanguage(language: Language, remember = true): void {
  if (remember) {
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }
  void i18next.changeLanguage(language);
}

export const currentLanguage = (): Language => (isLanguage(i18next.language) ? i18next.language : "en");

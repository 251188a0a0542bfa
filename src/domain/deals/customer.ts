import { domainToASCII, domainToUnicode } from "node:url";
import freeMailDomains from "email-providers";
import { DomainError } from "../shared/domain-error";
import { textKey } from "../shared/text-key";

const MAX_HOSTNAME = 253;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The customer's web domain, which identifies a company far better than its name does, from
 * whatever a salesperson pastes: a bare domain, a URL, an e-mail address or an e-mail header.
 * Internationalized domains (münchen.de, ДОМЕН.РФ) come back in their ASCII form
 * (xn--mnchen-3ya.de), the one DNS, e-mail and other registrations use, so both spellings match.
 * null when nothing was given.
 */
export function normalizeDomain(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "") return null;

  const bracketed = /<([^<>]*)>/.exec(trimmed);
  let host = (bracketed?.[1] ?? trimmed)
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")
    .replace(/^mailto:/i, "")
    .replace(/^\/\//, "");
  host = host.split(/[/?#]/, 1)[0] ?? "";
  host = host.slice(host.lastIndexOf("@") + 1);
  host = host.replace(/:\d*$/, "").replace(/[.\u3002\uff0e\uff61]$/, "");
  const ascii = toAsciiHost(host);
  // "www.com" is a company's own domain, not a www prefix on "com".
  const domain = ascii.startsWith("www.") && ascii.includes(".", 4) ? ascii.slice(4) : ascii;

  if (!isHostname(domain)) {
    const shown = trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed;
    throw new DomainError("customer_domain_invalid", { shown, foreignCharacters: /[^\x20-\x7e]/.test(host) });
  }
  return domain;
}

/**
 * The IDNA (UTS #46) ASCII form, as browsers compute it: case folded, full-width forms mapped,
 * labels with other scripts punycoded, typed xn-- labels checked. "" when it is no domain.
 * Plain ASCII skips the conversion because WHATWG hosts read "1.2" or "0x7f.1" as IPv4 addresses.
 */
function toAsciiHost(host: string): string {
  if (/^[\x21-\x24\x26-\x7e]*$/.test(host) && !/(^|\.)xn--/i.test(host)) return host.toLowerCase();
  let decoded = host;
  if (host.includes("%")) {
    try {
      decoded = decodeURIComponent(host);
    } catch {
      return "";
    }
  }
  const ascii = domainToASCII(decoded);
  // Browsers let "-münchen.de" through (no hyphen check); a registrar would not.
  const hyphenated = domainToUnicode(ascii)
    .split(".")
    .some((label) => label.startsWith("-") || label.endsWith("-"));
  return hyphenated ? "" : ascii;
}

function isHostname(host: string): boolean {
  if (host.length > MAX_HOSTNAME) return false;
  const labels = host.split(".");
  const tld = labels[labels.length - 1] ?? "";
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && TLD.test(tld);
}

/** Built once: the list holds ~8,800 domains, a few of them written in Unicode. */
const FREE_MAIL: ReadonlySet<string> = new Set(
  freeMailDomains.map((domain) => (/^[\x21-\x7e]*$/.test(domain) ? domain : domainToASCII(domain)).toLowerCase()),
);

/**
 * Free-mail and ISP domains (gmail.com, gmx.de, outlook.com…): people at thousands of companies
 * write from them, so they say nothing about which company a deal is for. Takes a normalized domain.
 */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain.toLowerCase());
}

/**
 * Legal forms, as folded token sequences, that may end a company name. Longer forms come first
 * so "gmbh and co kg" goes in one step instead of leaving a dangling "and".
 */
const LEGAL_FORMS: readonly (readonly string[])[] = [
  "gmbh and co kgaa",
  "gmbh and co kg",
  "ag and co kgaa",
  "ag and co kg",
  "and co kgaa",
  "and co kg",
  "and co",
  "and company",
  "kabushiki kaisha",
  "private limited",
  "sp z o o",
  "s de r l",
  "s a de c v",
  "sa de cv",
  "s a r l",
  "s a s",
  "s a u",
  "s p a",
  "s r l",
  "s r o",
  "d o o",
  "l l c",
  "l l p",
  "p l c",
  "sdn bhd",
  "s a",
  "n v",
  "b v",
  "k k",
  "a g",
  "a s",
  "s e",
  "e k",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "ltda",
  "limited",
  "llc",
  "llp",
  "lp",
  "plc",
  "pty",
  "pte",
  "pvt",
  "gmbh",
  "mbh",
  "ag",
  "kg",
  "kgaa",
  "ohg",
  "se",
  "bv",
  "nv",
  "sa",
  "sas",
  "sasu",
  "sarl",
  "eurl",
  "spa",
  "srl",
  "sl",
  "sro",
  "oy",
  "oyj",
  "ab",
  "as",
  "asa",
  "aps",
  "kk",
  "kft",
  "zrt",
  "bhd",
].map((form) => form.split(" "));

/** Letters NFKD leaves whole, so accent stripping alone would not fold them. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/**
 * The name key conflicts fall back to when there is no domain: "ACME, Inc.", "Acme Inc" and
 * "acme" are one customer to a channel manager, so case, accents, punctuation, a leading "The"
 * and legal forms are all dropped.
 */
export function normalizeCompanyName(name: string): string {
  const folded = textKey(
    name
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/[ßæœøłđðþı]/g, (letter) => LETTER_FOLDS[letter] ?? letter),
  );
  let tokens = folded === "" ? [] : folded.split(" ");
  if (tokens[0] === "the" && tokens.length > 1) tokens = tokens.slice(1);

  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const form of LEGAL_FORMS) {
      if (endsWith(tokens, form)) {
        tokens = tokens.slice(0, tokens.length - form.length);
        stripped = true;
        break;
      }
    }
  }
  // A name made only of legal words ("Inc") is still a name; an empty key would match every such name.
  return tokens.length > 0 ? tokens.join(" ") : folded;
}

function endsWith(tokens: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length > tokens.length) return false;
  const offset = tokens.length - suffix.length;
  return suffix.every((token, i) => tokens[offset + i] === token);
}

export interface CustomerKeys {
  domain: string | null;
  nameKey: string;
}

/** Throws DomainError("customer_domain_invalid") when a domain was given but is not one. */
export function customerKeys(input: { name: string; domainOrEmail?: string | null }): CustomerKeys {
  return {
    domain: normalizeDomain(input.domainOrEmail ?? ""),
    nameKey: normalizeCompanyName(input.name),
  };
}

/**
 * Two registrations are for the same customer when their domains agree. Names only decide when a
 * domain is missing on either side: "Acme" on acme.com and "Acme" on acme.de are different
 * companies, while two people typing "ACME Inc." and "Acme" without a domain mean the same one.
 * A free-mail domain counts as missing: two deals from gmail.com addresses are for the same
 * customer only when their names say so. The domain is still stored; only matching ignores it.
 */
export function sameCustomer(a: CustomerKeys, b: CustomerKeys): boolean {
  const domainA = identifyingDomain(a.domain);
  const domainB = identifyingDomain(b.domain);
  if (domainA !== null && domainB !== null) return domainA === domainB;
  return a.nameKey !== "" && a.nameKey === b.nameKey;
}

function identifyingDomain(domain: string | null): string | null {
  return domain === null || isFreeMailDomain(domain) ? null : domain;
}

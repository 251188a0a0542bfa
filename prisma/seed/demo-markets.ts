/** Where the partners' customers are and what they are called: the demo's invented companies. */

export type DemoCurrency = "USD" | "EUR" | "GBP";

export interface MarketInfo {
  tld: string;
  currency: DemoCurrency;
  legalForms: string[];
  stems: string[];
  sectors: string[];
}

/** Where the partners' customers are: invented companies, named as they would be there. */
export const MARKETS = {
  UK: {
    tld: "co.uk",
    currency: "GBP",
    legalForms: ["Ltd", "plc"],
    stems: ["Kestrel", "Harbourside", "Pennine", "Thames Valley", "Caledonia", "Wrekin", "Saltmarsh"],
    sectors: ["Foods", "Utilities", "Insurance", "Retail Group", "Building Society", "Rail", "Housing"],
  },
  DE: {
    tld: "de",
    currency: "EUR",
    legalForms: ["GmbH", "AG", "GmbH & Co. KG"],
    stems: ["Rheinfeld", "Altmark", "Silberwald", "Hansa Nord", "Lindenhof", "Eichberg", "Mainufer"],
    sectors: ["Logistik", "Maschinenbau", "Versicherung", "Energie", "Handel", "Klinikum", "Stadtwerke"],
  },
  NL: {
    tld: "nl",
    currency: "EUR",
    legalForms: ["B.V.", "N.V."],
    stems: ["Polderland", "Dijkstra", "Maasvlakte", "Zuiderhaven", "Veluwe"],
    sectors: ["Bouw", "Logistiek", "Zorggroep", "Energie", "Tuinbouw"],
  },
  IE: {
    tld: "ie",
    currency: "EUR",
    legalForms: ["Ltd", "DAC"],
    stems: ["Liffey", "Shannon", "Wicklow", "Corrib"],
    sectors: ["Pharma", "Foods", "Credit Union", "Medical"],
  },
  NO: {
    tld: "no",
    currency: "EUR",
    legalForms: ["AS", "ASA"],
    stems: ["Nordkapp", "Fjellheim", "Havbris", "Lofoten", "Trollheim"],
    sectors: ["Sjømat", "Shipping", "Kraft", "Helse", "Eiendom"],
  },
  LV: {
    tld: "lv",
    currency: "EUR",
    legalForms: ["SIA", "AS"],
    stems: ["Daugava", "Gauja", "Kurzeme"],
    sectors: ["Logistika", "Enerģija", "Banka"],
  },
  US: {
    tld: "com",
    currency: "USD",
    legalForms: ["Inc.", "LLC", "Corp."],
    stems: [
      "Redwood",
      "Great Plains",
      "Bluegrass",
      "Cascade",
      "Chesapeake",
      "Prairie State",
      "Gulf Coast",
      "Keystone",
      "Sierra Vista",
      "Ozark",
      "Granite Peak",
      "Lone Pine",
    ],
    sectors: [
      "Health",
      "Credit Union",
      "Logistics",
      "Manufacturing",
      "Energy",
      "Insurance",
      "Foods",
      "Telecom",
      "Bancorp",
      "Medical Center",
    ],
  },
  CA: {
    tld: "ca",
    currency: "USD",
    legalForms: ["Inc.", "Ltd."],
    stems: ["Laurentian", "Northern Lights", "Maritime", "Okanagan", "Fraser River"],
    sectors: ["Credit Union", "Health", "Logistics", "Mining", "Energy"],
  },
  CL: {
    tld: "cl",
    currency: "USD",
    legalForms: ["S.A.", "SpA"],
    stems: ["Cordillera", "Pacífico Sur", "Atacama", "Biobío"],
    sectors: ["Minería", "Retail", "Seguros", "Salud"],
  },
  PE: {
    tld: "pe",
    currency: "USD",
    legalForms: ["S.A.C.", "S.A."],
    stems: ["Andino", "Costa Verde", "Huascarán"],
    sectors: ["Minería", "Pesquera", "Agroindustria"],
  },
  AR: {
    tld: "com.ar",
    currency: "USD",
    legalForms: ["S.A."],
    stems: ["Río de la Plata", "Cuyo"],
    sectors: ["Agro", "Energía"],
  },
  BR: {
    tld: "com.br",
    currency: "USD",
    legalForms: ["Ltda.", "S.A."],
    stems: ["Horizonte", "Serra Verde", "Atlântico", "Ipê", "Guanabara"],
    sectors: ["Logística", "Seguros", "Varejo", "Saúde", "Energia"],
  },
  SG: {
    tld: "com.sg",
    currency: "USD",
    legalForms: ["Pte. Ltd."],
    stems: ["Lion City", "Marina", "Straits", "Tanjong"],
    sectors: ["Logistics", "Healthcare", "Shipping", "Holdings"],
  },
  AU: {
    tld: "com.au",
    currency: "USD",
    legalForms: ["Pty Ltd"],
    stems: ["Southern Cross", "Coral Coast", "Red Centre", "Blue Gum"],
    sectors: ["Mining", "Energy", "Health", "Logistics"],
  },
  IN: {
    tld: "in",
    currency: "USD",
    legalForms: ["Pvt. Ltd."],
    stems: ["Deccan", "Malabar", "Ganga"],
    sectors: ["Pharma", "Infotech", "Textiles"],
  },
  JP: {
    tld: "co.jp",
    currency: "USD",
    legalForms: ["K.K."],
    stems: ["Tanabe", "Hoshino", "Kawasemi", "Sakuragawa", "Minato"],
    sectors: ["Robotics", "Seimitsu", "Logistics", "Shoji", "Denki"],
  },
  NZ: {
    tld: "co.nz",
    currency: "USD",
    legalForms: ["Ltd"],
    stems: ["Kauri", "Southern Alps", "Waitaki"],
    sectors: ["Dairy", "Energy", "Forestry"],
  },
} satisfies Record<string, MarketInfo>;

export type Market = keyof typeof MARKETS;

export interface DemoCustomer {
  name: string;
  /** What the partner typed: a domain, a URL or an e-mail address. */
  domainOrEmail: string;
  currency: DemoCurrency;
}

/** "Río de la Plata Agro" → "rio-de-la-plata-agro", "Havbris Sjømat" → "havbris-sjomat". */
export function slug(text: string): string {
  return text
    .replace(/[øØ]/g, "o")
    .replace(/[æÆ]/g, "ae")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function customerIn(market: Market, stem: string, sector: string, legalForm: string): DemoCustomer {
  const info: MarketInfo = MARKETS[market];
  return {
    name: `${stem} ${sector} ${legalForm}`,
    domainOrEmail: `${slug(`${stem} ${sector}`)}.${info.tld}`,
    currency: info.currency,
  };
}

import { customerIn } from "./demo-markets";
import type { ScriptedStory, Step } from "./story";

const reject = (day: number, note: string): Step => ({ day, kind: "reject", note });

/**
 * The last scripted deals (their place in the list sets their minute of registration): other
 * partners' new registrations waiting for the manager, and a registration of Pat's rejected days
 * ago for a reason Pat can fix and resubmit.
 */
export function waitingStories(): ScriptedStory[] {
  const pat = "U0PARTNERA";
  return [
    // Waiting for the manager: new registrations of other partners.
    {
      key: "summit-cascade",
      partner: "Summit Cloud Partners",
      by: "U0SUMM01",
      customer: customerIn("US", "Cascade", "Credit Union", "Inc."),
      product: "SecureEdge Firewall for 12 sites",
      amount: 98_000,
      stage: "qualified",
      daysAgo: 1.5,
      closeAfter: 60,
      steps: [],
    },
    {
      key: "maple-laurentian",
      partner: "Maple Leaf IT",
      by: "U0MAPL02",
      customer: customerIn("CA", "Laurentian", "Credit Union", "Inc."),
      product: "Analytics Pro, 150 seats",
      amount: 38_000,
      stage: "prospecting",
      daysAgo: 4,
      closeAfter: 90,
      steps: [],
    },
    {
      key: "andes-cordillera",
      partner: "Andes Tecnología",
      by: "U0ANDE01",
      customer: customerIn("CL", "Cordillera", "Minería", "S.A."),
      product: "DataVault Backup, 80 TB, 3 years",
      amount: 112_000,
      stage: "proposal",
      daysAgo: 7,
      closeAfter: 40,
      steps: [],
    },
    {
      key: "rioverde-horizonte",
      partner: "Rio Verde Sistemas",
      by: "U0RIOV01",
      customer: customerIn("BR", "Horizonte", "Logística", "Ltda."),
      product: "Helpdesk Cloud, 60 agents",
      amount: 29_000,
      stage: "prospecting",
      daysAgo: 2.5,
      closeAfter: 75,
      steps: [],
    },
    {
      key: "baltic-daugava",
      partner: "Baltic Data Partners",
      by: "U0BALT01",
      customer: customerIn("LV", "Daugava", "Logistika", "SIA"),
      product: "Analytics Pro, 50 seats",
      amount: 14_500,
      stage: "prospecting",
      daysAgo: 6,
      closeAfter: 60,
      notes: "Our first registration in the program.",
      steps: [],
    },
    {
      key: "kiwi-kauri",
      partner: "Kiwi Cloud Co",
      by: "U0KIWI01",
      customer: customerIn("NZ", "Kauri", "Dairy", "Ltd"),
      product: "Helpdesk Cloud, 25 agents",
      amount: 21_750.5,
      stage: "prospecting",
      daysAgo: 1,
      closeAfter: 45,
      steps: [],
    },
    {
      // Rejected days ago for a fixable reason: on Pat's App Home to correct and resubmit.
      key: "acme-wexford",
      partner: "Acme Solutions",
      by: pat,
      customer: customerIn("IE", "Wexford", "Maritime", "DAC"),
      product: "Helpdesk Cloud, 45 agents",
      amount: 1_850,
      stage: "qualified",
      daysAgo: 2.8,
      closeAfter: 50,
      steps: [
        reject(
          0.9,
          "The amount looks like one month's fee. Please register the contract's total value (3 years) and resubmit.",
        ),
      ],
    },
  ];
}

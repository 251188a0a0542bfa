/** One field an edit or a correction changed, for the DealEvent and `/deal history`. */
export interface FieldChange {
  field:
    | "customerName"
    | "customerDomain"
    | "product"
    | "amount"
    | "currency"
    | "expectedCloseOn"
    | "region"
    | "notes"
    | "stage";
  /** Amounts as minor units, dates as YYYY-MM-DD, the rest as stored; null when empty. */
  from: string | number | null;
  to: string | number | null;
}

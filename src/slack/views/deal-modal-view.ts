/** The deal modals, one file per modal family; listeners import them from here. */
export { type ReasonModalMetadata, reasonModal, wonModal } from "./reason-modals";
export { type RegisterModalMetadata, type RegisterModalState, registerDealModal } from "./register-deal-modal";
export { duplicateModal, registeredModal } from "./registration-outcome-modals";

import { abolishedDocument } from './rules/abolished-document.js';
import { abolishedLevel } from './rules/abolished-level.js';
import { certifiedCopyDemanded } from './rules/certified-copy-demanded.js';
import { chainExceedsDeadline } from './rules/chain-exceeds-deadline.js';
import { channelMismatch } from './rules/channel-mismatch.js';
import { crossLevelMismatch } from './rules/cross-level-mismatch.js';
import { duplicateComponent } from './rules/duplicate-component.js';
import { durationUnitMissing } from './rules/duration-unit-missing.js';
import { feeConflict } from './rules/fee-conflict.js';
import { fourOnSpotCandidate } from './rules/four-on-spot-candidate.js';
import { fourOnSpotIneligible } from './rules/four-on-spot-ineligible.js';
import { importUnresolved } from './rules/import-unresolved.js';
import { issuedByCatalogue } from './rules/issued-by-catalogue.js';
import { localAddition } from './rules/local-addition.js';
import { missingMandatoryPart } from './rules/missing-mandatory-part.js';
import { onceOnly } from './rules/once-only.js';
import { onlineFullCandidate } from './rules/online-full-candidate.js';
import { onlineFullConflict } from './rules/online-full-conflict.js';
import { staleLegalBasis } from './rules/stale-legal-basis.js';
import type { Rule } from './types.js';

/** Every check rule, in code order. */
export const RULES: readonly Rule[] = [
  duplicateComponent, abolishedDocument, onceOnly, certifiedCopyDemanded, issuedByCatalogue, localAddition,
  missingMandatoryPart, abolishedLevel, crossLevelMismatch, chainExceedsDeadline, fourOnSpotIneligible, onlineFullConflict,
  durationUnitMissing, channelMismatch, feeConflict, staleLegalBasis,
  fourOnSpotCandidate, onlineFullCandidate, importUnresolved,
];

/** A rule by id or code. */
export function findRule(idOrCode: string): Rule | undefined {
  return RULES.find((r) => r.id === idOrCode || r.info.code === idOrCode.toUpperCase());
}

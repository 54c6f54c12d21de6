/** Team sync's screens (issue 20): the 競合 list and the marker of a record in conflict. */
export { ConflictsScreen } from './ConflictsScreen';
export { ConflictBadge, ConflictMark, conflictLink } from './ConflictBadge';
export { useConflict, useConflictIds } from './data';
export { differingKeys } from './fields';
export { councilAccess, useCouncilAccess, type CouncilAccess } from './people';
export { ReadOnlyArea, ReadOnlyBadge, ReadOnlyNotice, readOnlyReason } from './ReadOnly';

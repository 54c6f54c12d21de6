/**
 * Opinion writes on the app's database. Other screens (live notes, minutes) call
 * `promoteRemarksToOpinions(remarkIds)` to turn remarks into opinions, or open
 * <PromoteRemarksDialog>.
 */
import { db } from '../../../data/db';
import { opinionRecords } from './records';

export const {
  councilOpinions,
  promoteRemarksToOpinions,
  promotedRemarkIds,
  putOpinions,
  addOpinion,
  deleteOpinion,
  importOpinionRows,
  putMatrixItem,
  addMatrixItem,
  deleteMatrixItem,
  loadDocumentData,
  loadThemes,
  saveThemes,
  saveMatrixColumns,
  themeKey,
} = opinionRecords(db);

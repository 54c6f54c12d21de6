/**
 * Export file names carry the council: 「飯塚市行政経営戦略推進審議会_第2回_会議録_公開版.docx」,
 * so two councils' exports never share a name (nor become 「… (2).xlsx」 beside each other).
 * The council's short name (設定 › 基本情報 「ファイル名に使う略称」) is used when set.
 */
import type { Council } from '../../shared/domain';

export type CouncilNaming = Pick<Council, 'name'> & { fileLabel?: string | null };

/** The part naming the council: its short name, or its name; '' when there is none. */
export function councilFileLabel(council: CouncilNaming | string | null | undefined): string {
  if (!council) return '';
  const label = typeof council === 'string' ? council : council.fileLabel?.trim() || council.name;
  return label.replace(/\s+/g, ' ').trim();
}

/** The file name with the council first (left as it is when it already starts with it). */
export function withCouncilName(fileName: string, council: CouncilNaming | string | null | undefined): string {
  const label = councilFileLabel(council);
  if (!label || fileName.startsWith(label)) return fileName;
  return `${label}_${fileName}`;
}

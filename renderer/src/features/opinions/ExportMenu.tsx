/** 出力 menu of the opinions area: reads the records, sends them to main, offers to open the file. */
import { useState } from 'react';
import {
  Button,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { call } from '../../platform/bridge';
import { loadDocumentData, useCouncil } from './data/index';
import type { OpinionDocumentKind } from '../../../../shared/contract/opinions';
import { useExport } from '../../ui/exporting';

export interface ExportRequest {
  kind: OpinionDocumentKind;
  format: 'xlsx' | 'docx';
  handout?: { meetingId: string; grouping: 'field' | 'theme'; themes: Record<string, string> };
  /** The meeting the document is handed out at (its date is printed). */
  forMeetingId?: string;
  /** The meetings whose opinions it covers (the handout's 前回). */
  meetingIds?: string[];
}

export function useOpinionExport(councilId: string) {
  const exporter = useExport();
  const run = (req: ExportRequest, publication: boolean) =>
    exporter.run('文書', async () =>
      call('opinions:export:document', { ...req, publication, data: await loadDocumentData(councilId) }),
    );
  const runTemplate = (storedName: string, publication: boolean) =>
    exporter.run('意見対応表', async () =>
      call('template:export:document', {
        kind: 'responses',
        storedName,
        publication,
        data: await loadDocumentData(councilId),
      }),
    );
  return { run, runTemplate, busy: exporter.busy !== null };
}

const ITEMS: { label: string; req: ExportRequest }[] = [
  { label: '分野別意見一覧（Excel）', req: { kind: 'list', format: 'xlsx' } },
  { label: '分野別意見一覧（Word）', req: { kind: 'list', format: 'docx' } },
  { label: '意見対応表（Excel）', req: { kind: 'responses', format: 'xlsx' } },
  { label: '意見対応表（Word）', req: { kind: 'responses', format: 'docx' } },
  { label: '各分野の現状と課題（Excel）', req: { kind: 'matrix', format: 'xlsx' } },
  { label: '各分野の現状と課題（Word）', req: { kind: 'matrix', format: 'docx' } },
];

export function ExportMenu({ councilId }: { councilId: string }) {
  const { run, runTemplate, busy } = useOpinionExport(councilId);
  const template = useCouncil(councilId)?.templates?.find((t) => t.kind === 'responses');
  const [checked, setChecked] = useState<Record<string, string[]>>({ mode: ['public'] });
  const publication = (checked.mode ?? []).includes('public');
  return (
    <Menu
      checkedValues={checked}
      onCheckedValueChange={(_, d) => setChecked((c) => ({ ...c, [d.name]: d.checkedItems }))}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button icon={busy ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} disabled={busy}>
          {busy ? '出力中…' : '出力'}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItemCheckbox name="mode" value="public">
            公開版（非公開の意見を除き、委員名は公開の表記）
          </MenuItemCheckbox>
          <MenuDivider />
          <MenuGroup>
            <MenuGroupHeader>出力する文書</MenuGroupHeader>
            {ITEMS.map((i) => (
              <MenuItem key={i.label} onClick={() => void run(i.req, publication)}>
                {i.label}
              </MenuItem>
            ))}
            {template ? (
              <MenuItem onClick={() => void runTemplate(template.storedName, publication)}>
                意見対応表（テンプレートで出力）
              </MenuItem>
            ) : null}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

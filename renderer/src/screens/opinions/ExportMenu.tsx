/** 出力 menu of the opinions area: reads the records, sends them to main, offers to open the file. */
import { useState } from 'react';
import {
  Button, Link, Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuItemCheckbox, MenuList, MenuPopover, MenuTrigger, Spinner,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { call } from '../../bridge';
import { useNotify } from '../../app/notify';
import { loadDocumentData } from './store';
import type { OpinionDocumentKind } from '../../../../shared/contract/opinions';

export interface ExportRequest {
  kind: OpinionDocumentKind;
  format: 'xlsx' | 'docx';
  handout?: { meetingId: string; grouping: 'field' | 'theme'; themes: Record<string, string> };
}

export function useOpinionExport(councilId: string) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (req: ExportRequest, publication: boolean) => {
    setBusy(true);
    try {
      const data = await loadDocumentData(councilId);
      const saved = await call('opinions:export:document', { ...req, publication, data });
      notify.success(`「${saved.name}」を保存しました`, (
        <span style={{ display: 'flex', gap: 12 }}>
          <Link onClick={() => call('file:open:saved', { path: saved.path }).catch((e) => notify.error(e))}>ファイルを開く</Link>
          <Link onClick={() => call('file:show:saved', { path: saved.path }).catch((e) => notify.error(e))}>フォルダを開く</Link>
        </span>
      ));
    } catch (e) {
      notify.error(e, '出力できませんでした');
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
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
  const { run, busy } = useOpinionExport(councilId);
  const [checked, setChecked] = useState<Record<string, string[]>>({ mode: ['public'] });
  const publication = (checked.mode ?? []).includes('public');
  return (
    <Menu checkedValues={checked} onCheckedValueChange={(_, d) => setChecked((c) => ({ ...c, [d.name]: d.checkedItems }))}>
      <MenuTrigger disableButtonEnhancement>
        <Button icon={busy ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} disabled={busy}>{busy ? '出力中…' : '出力'}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItemCheckbox name="mode" value="public">公開版（非公開の意見を除き、委員名は公開の表記）</MenuItemCheckbox>
          <MenuDivider />
          <MenuGroup>
            <MenuGroupHeader>出力する文書</MenuGroupHeader>
            {ITEMS.map((i) => <MenuItem key={i.label} onClick={() => void run(i.req, publication)}>{i.label}</MenuItem>)}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** 出力 menu of the opinions area: reads the records, sends them to main, offers to open the file. */
import { useState, type ReactElement } from 'react';
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
import { useNotify } from '../../app/notify';
import { keepPublicLabels } from '../../data/publicLabels';
import { opinionsPublicationReview } from '../../../../shared/publication/review';
import type { PublicationReview } from '../../../../shared/publication/redaction';
import type { OpinionDocumentData } from '../../../../shared/opinions/publication';
import { PublicationReviewDialog } from '../../ui/PublicationReviewDialog';

export interface ExportRequest {
  kind: OpinionDocumentKind;
  format: 'xlsx' | 'docx';
  handout?: { meetingId: string; grouping: 'field' | 'theme'; themes: Record<string, string> };
  /** The meeting the document is handed out at (its date is printed). */
  forMeetingId?: string;
  /** The meetings whose opinions it covers (the handout's 前回). */
  meetingIds?: string[];
}

/**
 * Runs an opinion export. A 公開版 stores the council's letters first, then shows the review
 * (every replacement, every blocking place) and is written only after the user confirms;
 * render `dialog` wherever the hook is used.
 */
export function useOpinionExport(councilId: string): {
  run: (req: ExportRequest, publication: boolean) => Promise<void>;
  runTemplate: (storedName: string, publication: boolean) => Promise<void>;
  busy: boolean;
  dialog: ReactElement;
} {
  const exporter = useExport();
  const notify = useNotify();
  const [pending, setPending] = useState<{ review: PublicationReview; write: () => Promise<unknown> } | null>(null);
  /** A 公開版 keeps the letters, then waits for the review; anything else is written at once. */
  const withReview = async (publication: boolean, write: (data: OpinionDocumentData) => Promise<unknown>) => {
    try {
      if (publication) await keepPublicLabels(councilId);
      const data = await loadDocumentData(councilId);
      if (publication) setPending({ review: opinionsPublicationReview(data), write: () => write(data) });
      else await write(data);
    } catch (err) {
      notify.error(err, publication ? '公開版を出力できませんでした' : '出力できませんでした');
    }
  };
  const run = (req: ExportRequest, publication: boolean) =>
    withReview(publication && req.kind !== 'template', (data) =>
      exporter.run('文書', () => call('opinions:export:document', { ...req, publication, data })),
    );
  const runTemplate = (storedName: string, publication: boolean) =>
    withReview(publication, (data) =>
      exporter.run('意見対応表', () =>
        call('template:export:document', { kind: 'responses', storedName, publication, data }),
      ),
    );
  const dialog = (
    <PublicationReviewDialog
      review={pending?.review ?? null}
      what="公開版"
      onClose={() => setPending(null)}
      onConfirm={() => {
        const p = pending;
        setPending(null);
        if (p) void p.write();
      }}
    />
  );
  return { run, runTemplate, busy: exporter.busy !== null, dialog };
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
  const { run, runTemplate, busy, dialog } = useOpinionExport(councilId);
  const template = useCouncil(councilId)?.templates?.find((t) => t.kind === 'responses');
  const [checked, setChecked] = useState<Record<string, string[]>>({ mode: ['public'] });
  const publication = (checked.mode ?? []).includes('public');
  return (
    <>
      {dialog}
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
    </>
  );
}

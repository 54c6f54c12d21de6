/** 該当箇所: which sections of the council's vision/plan reflect an opinion (kept as section ids). */
import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useCouncilDrafts } from './data/index';
import type { Opinion } from '../../../../shared/domain';
import { numberedHeading, outline } from '../../../../shared/drafts/tree';
import { sectionTitlesOf } from '../../../../shared/opinions/publication';

export function useSectionTitles(councilId: string): Map<string, string> {
  const drafts = useCouncilDrafts(councilId);
  return useMemo(() => new Map(Object.entries(sectionTitlesOf(drafts ?? []))), [drafts]);
}

export function SectionLinkDialog({
  opinion,
  open,
  onClose,
  onSave,
}: {
  opinion: Opinion | null;
  open: boolean;
  onClose: () => void;
  onSave: (o: Opinion, sectionIds: string[]) => void;
}) {
  const drafts = useCouncilDrafts(opinion?.councilId) ?? [];
  const [checked, setChecked] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (open && opinion) setChecked(new Set(opinion.sectionIds));
  }, [open, opinion]);
  const toggle = (id: string, on: boolean) =>
    setChecked((c) => {
      const n = new Set(c);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open) onClose();
      }}
    >
      <DialogSurface style={{ maxWidth: 720 }}>
        <DialogBody>
          <DialogTitle>該当箇所（ビジョン・計画）</DialogTitle>
          <DialogContent>
            {opinion ? (
              <Text block style={{ marginBottom: 8 }}>
                {opinion.summary}
              </Text>
            ) : null}
            {drafts.length === 0 ? (
              <Text>ビジョン・計画の案がまだありません。「ビジョン」タブで作成すると、ここで該当箇所を選べます。</Text>
            ) : (
              drafts.map((d) => (
                <div key={d.id} role="group" aria-label={d.title} style={{ maxHeight: 380, overflowY: 'auto' }}>
                  <Text weight="semibold" block>
                    {d.title}
                  </Text>
                  {outline(d.sections, d.numbering).map((entry) => (
                    <div key={entry.section.id} style={{ paddingLeft: entry.level * 20 }}>
                      <Checkbox
                        label={numberedHeading(entry, entry.section.heading)}
                        checked={checked.has(entry.section.id)}
                        onChange={(_, e) => toggle(entry.section.id, e.checked === true)}
                      />
                    </div>
                  ))}
                </div>
              ))
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>キャンセル</Button>
            <Button
              appearance="primary"
              disabled={!opinion}
              onClick={() => {
                if (opinion) onSave(opinion, [...checked]);
                onClose();
              }}
            >
              保存
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

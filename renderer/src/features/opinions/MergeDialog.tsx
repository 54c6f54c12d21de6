/** 重複する意見を統合: pick the opinion that stays; the others are merged into it. */
import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import type { Opinion } from '../../../../shared/domain';

export function MergeDialog({
  open,
  opinions,
  describe,
  onClose,
  onMerge,
}: {
  open: boolean;
  opinions: Opinion[];
  describe: (o: Opinion) => string;
  onClose: () => void;
  onMerge: (survivorId: string) => void;
}) {
  const [survivor, setSurvivor] = useState('');
  useEffect(() => {
    if (open) setSurvivor(opinions[0]?.id ?? '');
  }, [open, opinions]);
  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>重複する意見を統合</DialogTitle>
          <DialogContent>
            <Text block style={{ marginBottom: 8 }}>
              残す意見を選んでください。ほかの意見は統合され、出典（会議・委員・インタビュー）は残す意見に引き継がれます。
            </Text>
            <RadioGroup value={survivor} onChange={(_, d) => setSurvivor(d.value)} aria-label="残す意見">
              {opinions.map((o) => (
                <Radio key={o.id} value={o.id} label={describe(o)} />
              ))}
            </RadioGroup>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>キャンセル</Button>
            <Button appearance="primary" disabled={!survivor} onClick={() => onMerge(survivor)}>
              統合する
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * 「アクションに結び付ける」: which actions of the council's action plans an opinion is about
 * (an opinion on progress, 進行管理; Opinion.actionIds). The actions tab lists the same links
 * under each action.
 */
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
import type { Opinion } from '../../../../shared/domain';
import { actionTitle } from '../../../../shared/actions';
import { useNotify } from '../../app/notify';
import { setOpinionActions, useCouncilActionPlans } from './data/index';

/** action id → its title, for the badges on the cards. */
export function useActionTitles(councilId: string): Map<string, string> {
  const plans = useCouncilActionPlans(councilId);
  return useMemo(
    () => new Map(plans.flatMap((p) => p.actions.map((a) => [a.id, actionTitle(a, 24)] as const))),
    [plans],
  );
}

export function ActionLinkDialog({ opinion, onClose }: { opinion: Opinion | null; onClose: () => void }) {
  const notify = useNotify();
  const plans = useCouncilActionPlans(opinion?.councilId);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opinion) setChecked(new Set(opinion.actionIds ?? []));
  }, [opinion]);
  const toggle = (id: string, on: boolean) =>
    setChecked((c) => {
      const n = new Set(c);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const known = new Set(plans.flatMap((p) => p.actions.map((a) => a.id)));
  const save = async () => {
    if (!opinion) return;
    setBusy(true);
    try {
      // Links to actions deleted meanwhile are dropped, not refused.
      const ids = [...checked].filter((id) => known.has(id));
      await setOpinionActions(opinion.id, ids);
      notify.success(ids.length ? `アクション${ids.length}件に結び付けました` : 'アクションとの結び付きを外しました');
      onClose();
    } catch (e) {
      notify.error(e, 'アクションに結び付けられませんでした');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={!!opinion} onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface style={{ maxWidth: 720 }}>
        <DialogBody>
          <DialogTitle>アクションに結び付ける（進行管理）</DialogTitle>
          <DialogContent>
            {opinion ? (
              <Text block style={{ marginBottom: 8 }}>
                {opinion.summary}
              </Text>
            ) : null}
            {plans.every((p) => p.actions.length === 0) ? (
              <Text>
                アクションプランにアクションがまだありません。「アクションプラン」タブで登録すると、ここで選べます。
              </Text>
            ) : (
              plans
                .filter((p) => p.actions.length > 0)
                .map(({ plan, actions }) => (
                  <div key={plan.id} role="group" aria-label={plan.title} style={{ maxHeight: 380, overflowY: 'auto' }}>
                    <Text weight="semibold" block>
                      {plan.title}
                    </Text>
                    {actions.map((a) => (
                      <div key={a.id}>
                        <Checkbox
                          label={actionTitle(a, 60)}
                          checked={checked.has(a.id)}
                          onChange={(_, e) => toggle(a.id, e.checked === true)}
                        />
                      </div>
                    ))}
                  </div>
                ))
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>キャンセル</Button>
            <Button appearance="primary" disabled={busy || !opinion} onClick={() => void save()}>
              保存
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

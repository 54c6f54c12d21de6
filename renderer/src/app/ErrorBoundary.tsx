import { Component, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Last line of defence: a render error shows a Japanese message, not a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.error(error);
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div style={{ padding: 32, maxWidth: 720 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>画面を表示できませんでした</MessageBarTitle>
            入力済みのデータは保存されています。画面を再読み込みしてください。問題が続く場合は事務局の担当者へお知らせください。
          </MessageBarBody>
        </MessageBar>
        <Button
          appearance="primary"
          style={{ marginTop: 16 }}
          onClick={() => {
            window.location.hash = '#/';
            window.location.reload();
          }}
        >
          再読み込み
        </Button>
      </div>
    );
  }
}

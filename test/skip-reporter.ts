/** Prints why each skipped end-to-end test was skipped (the list reporter shows only a dash). */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private skipped: string[] = [];
  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== 'skipped') return;
    const reason = test.annotations
      .filter((a) => a.type === 'skip')
      .map((a) => a.description)
      .filter(Boolean)
      .join(' / ');
    this.skipped.push(`${test.titlePath().slice(1).join(' › ')}: ${reason || '理由の記載なし'}`);
  }
  onEnd(_result: FullResult) {
    for (const line of this.skipped) console.log(`省略したテスト — ${line}`);
  }
}

import { webLightTheme, type Theme } from '@fluentui/react-components';

/** Fluent's Office look with Japanese UI fonts first (Windows, then macOS, then Linux). */
const JA_UI_FONTS =
  '"Segoe UI", "Yu Gothic UI", "Meiryo UI", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif';

export const appTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: JA_UI_FONTS,
};

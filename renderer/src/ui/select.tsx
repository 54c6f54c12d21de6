/**
 * Fluent's Dropdown and Combobox with Japanese accessible names: the library names its clear
 * button "Clear selection" and its open icon "Open", which a screen reader reads out in English.
 * Every screen imports these instead of the library's.
 */
import {
  Combobox as FluentCombobox,
  Dropdown as FluentDropdown,
  type ComboboxProps,
  type DropdownProps,
} from '@fluentui/react-components';

const expandLabel = (label: string | undefined) => (label ? `${label}の一覧を開く` : '一覧を開く');

export function Dropdown(props: DropdownProps) {
  return (
    <FluentDropdown
      {...props}
      clearButton={{ 'aria-label': '選択を解除' }}
      expandIcon={{ 'aria-label': expandLabel(props['aria-label']) }}
    />
  );
}

export function Combobox(props: ComboboxProps) {
  return (
    <FluentCombobox
      {...props}
      clearIcon={{ 'aria-label': '選択を解除' }}
      expandIcon={{ 'aria-label': expandLabel(props['aria-label']) }}
    />
  );
}

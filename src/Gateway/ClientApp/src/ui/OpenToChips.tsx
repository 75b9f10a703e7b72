import { OPEN_TO, type OpenTo } from "../api/types";
import { useT } from "./context";

/** What a member is open to, as toggle chips: in the profile form (named checkboxes) or as the directory's filter. */
export function OpenToChips({ selected, onChange, name, label }: { selected: readonly OpenTo[]; onChange?(next: OpenTo[]): void; name?: string; label: string }) {
  const t = useT();
  return (
    <fieldset class="open-to-chips">
      <legend>{label}</legend>
      {OPEN_TO.map((kind) => (
        <label key={kind} class={`chip${selected.includes(kind) ? " on" : ""}`}>
          <input type="checkbox" name={name} value={kind} checked={selected.includes(kind)} data-open-to={kind}
            onChange={(e) => onChange?.((e.currentTarget as HTMLInputElement).checked ? OPEN_TO.filter((k) => k === kind || selected.includes(k)) : selected.filter((k) => k !== kind))} />
          {t(`openTo.${kind}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** What a member is open to, read-only. */
export function OpenToList({ openTo }: { openTo: readonly OpenTo[] }) {
  const t = useT();
  return <>{openTo.map((kind) => <span class="tag open-to" key={kind}>{t(`openTo.${kind}`)}</span>)}</>;
}

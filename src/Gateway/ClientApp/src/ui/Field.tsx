import type { JSX } from "preact";

let nextId = 0;

/** A labelled input; the label is always visible (placeholders are not labels). */
type Props = { label: string; hint?: string; multiline?: boolean } & JSX.InputHTMLAttributes<HTMLInputElement> & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, keyof JSX.InputHTMLAttributes<HTMLInputElement>>;

export function Field(props: Props) {
  const { label, hint, multiline, id, ...rest } = props;
  const fieldId = (id as string | undefined) ?? `f${++nextId}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  return (
    <div class="field">
      <label for={fieldId}>{label}</label>
      {multiline ? (
        <textarea id={fieldId} aria-describedby={hintId} {...(rest as JSX.TextareaHTMLAttributes<HTMLTextAreaElement>)} />
      ) : (
        <input id={fieldId} aria-describedby={hintId} {...(rest as JSX.InputHTMLAttributes<HTMLInputElement>)} />
      )}
      {hint && (
        <small id={hintId} class="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

import type { Ref } from 'react';
import { ESCALATION_REASONS, type EscalationReason } from '../domain/escalation';
import { useSay } from '../i18n/use-say';

const REASONS = Object.keys(ESCALATION_REASONS) as EscalationReason[];

/**
 * The fixed list of reasons an escalation carries, worded in the station's language (`reason.…`). No reason
 * is chosen unless the station knows it (no record found, several candidates…): a technician who never picks
 * one is asked to, rather than sending a reason nobody chose. Enter on the list moves on (`onEnter`).
 */
export function ReasonSelect({
  value,
  onChange,
  onEnter,
  selectRef,
  disabled = false,
}: {
  value: EscalationReason | null;
  onChange: (reason: EscalationReason) => void;
  onEnter?: () => void;
  selectRef?: Ref<HTMLSelectElement>;
  disabled?: boolean;
}) {
  const say = useSay();
  return (
    <label>
      {say('reason.label')}
      <select
        ref={selectRef}
        value={value ?? ''}
        aria-required="true"
        onChange={(e) => onChange(e.target.value as EscalationReason)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
        disabled={disabled}
      >
        <option value="" disabled>
          {say('reason.choose')}
        </option>
        {REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {say(`reason.${reason}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

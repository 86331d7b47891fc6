import { ESCALATION_REASONS, type EscalationReason } from '../domain/escalation';
import { useSay } from '../i18n/use-say';

const REASONS = Object.keys(ESCALATION_REASONS) as EscalationReason[];

/** The fixed list of reasons an escalation carries, worded in the station's language (`reason.…`). */
export function ReasonSelect({
  value,
  onChange,
  disabled = false,
}: {
  value: EscalationReason;
  onChange: (reason: EscalationReason) => void;
  disabled?: boolean;
}) {
  const say = useSay();
  return (
    <label>
      {say('reason.label')}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as EscalationReason)}
        disabled={disabled}
      >
        {REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {say(`reason.${reason}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

import { ESCALATION_REASONS, type EscalationReason } from '../domain/escalation';

/** The fixed list of reasons an escalation carries. */
export function ReasonSelect({
  value,
  onChange,
  disabled = false,
}: {
  value: EscalationReason;
  onChange: (reason: EscalationReason) => void;
  disabled?: boolean;
}) {
  return (
    <label>
      Reason
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as EscalationReason)}
        disabled={disabled}
      >
        {(Object.entries(ESCALATION_REASONS) as [EscalationReason, string][]).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

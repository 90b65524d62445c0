/** A status shown as text (never colour alone), coloured by state. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge badge--${status}`}>{label}</span>;
}

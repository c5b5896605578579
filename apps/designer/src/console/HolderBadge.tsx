/** Who holds the case: "You", "Held by Ana", or "free". */
export function HolderBadge({ holder, name, me }: { holder: string | null; name: string; me: string }) {
  if (!holder) return <span className="holder-badge holder-free">free</span>;
  const mine = holder === me;
  return (
    <span className={`holder-badge ${mine ? 'holder-me' : 'holder-other'}`} data-holder={holder}>
      {mine ? 'Held by you' : `Held by ${name}`}
    </span>
  );
}

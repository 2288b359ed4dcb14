/** "1:02:05" or "4:07": how players show a position. Always left-to-right, even in Arabic. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor(s / 60) % 60;
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** A timestamp that keeps its digit order inside right-to-left text. */
export function Clock({ seconds }: { seconds: number }) {
  return <bdi dir="ltr">{formatClock(seconds)}</bdi>;
}

/** A "forward" chevron that CSS mirrors on right-to-left pages (see .dir-icon in globals.css). */
export function DirectionalChevron() {
  return (
    <svg className="dir-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M6 3l5 5-5 5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

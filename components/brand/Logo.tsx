/**
 * The Question Bank mark: a speech bubble holding lines of a questionnaire. The same drawing as
 * app/icon.svg (the favicon); decorative here, since the site's name stands beside it.
 */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg
      className="logo"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width="32" height="32" rx="7" fill="var(--accent, #0b5cad)" />
      <path d="M8 7h16a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H14l-5.5 4.5V22H8a3 3 0 0 1-3-3v-9a3 3 0 0 1 3-3z" fill="#fff" />
      <path d="M10 12h12M10 17h7" stroke="var(--accent, #0b5cad)" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

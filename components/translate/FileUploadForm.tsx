// The upload form of a workspace import: a file field, its size limit and the preview button.
import type { FormEvent, ReactNode, RefObject } from "react";
import styles from "./translate.module.css";

export function FileUploadForm({
  id,
  label,
  accept,
  limit,
  fileRef,
  onSubmit,
  children,
}: {
  /** Prefix of the field's and the limit's ids */
  id: string;
  label: string;
  accept: string;
  limit: string;
  fileRef: RefObject<HTMLInputElement | null>;
  onSubmit: (event: FormEvent) => void;
  /** The submit button */
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} className={styles.panel}>
      <label htmlFor={`${id}-file`}>{label}</label>
      <input ref={fileRef} id={`${id}-file`} name="file" type="file" accept={accept} aria-describedby={`${id}-limit`} />
      <p id={`${id}-limit`} className={styles.help}>
        {limit}
      </p>
      {children}
    </form>
  );
}

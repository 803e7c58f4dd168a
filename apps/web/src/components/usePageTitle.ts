import { useEffect } from 'react';

/** Sets the browser tab's title in the NHS.UK pattern "Page – Footprint". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Footprint`;
  }, [title]);
}

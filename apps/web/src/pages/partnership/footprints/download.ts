import { download } from '../../../components/FigureTable';

/**
 * Downloads a public register answer as CSV: the API answers CSV when asked with Accept: text/csv
 * (a plain link would ask for HTML), so the page fetches it and saves the file.
 */
export async function downloadRegisterCsv(path: string, filename: string): Promise<void> {
  const response = await fetch(`/api/public/register/${path}`, { headers: { accept: 'text/csv' }, credentials: 'omit' });
  if (!response.ok) throw new Error(`The register answered ${response.status}`);
  download(filename, await response.blob());
}

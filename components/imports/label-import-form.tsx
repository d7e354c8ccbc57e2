'use client';

import { useState, type FormEvent } from 'react';
import { callApi, errorMessage } from '@/lib/api/client';
import { importLabels } from '@/lib/api/operations/label-imports';
import { LABEL_IMPORT_FORMATS, MAX_LABEL_FILE_CHARS, type TLabelImportReport } from '@/lib/schemas/label-import';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';
import { Notice } from '../ui/states';
import { Table, Td } from '../ui/table';

type Format = (typeof LABEL_IMPORT_FORMATS)[number];
const FORMAT_NAMES: Record<Format, string> = { jsonl: 'Loupe JSONL', coco: 'COCO', labelstudio: 'Label Studio JSON' };
const SHOWN_REFUSALS = 50;

/** The format a file most likely is: JSON Lines by name, else a list of tasks (Label Studio) or an object (COCO). */
function guessFormat(name: string, text: string): Format {
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  return text.trimStart().startsWith('[') ? 'labelstudio' : 'coco';
}

/** Labels from a file → suggestions on the project's images: checked first (nothing written), then imported. */
export function LabelImportForm({ slug }: { slug: string }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [format, setFormat] = useState<Format>('coco');
  const [model, setModel] = useState('imported labels');
  const [report, setReport] = useState<TLabelImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function pick(picked: File | undefined) {
    setReport(null);
    setError(null);
    if (!picked) return setFile(null);
    if (picked.size > MAX_LABEL_FILE_CHARS) return setError('The file is larger than 20 MB: split it and import the parts.');
    const text = await picked.text();
    setFile({ name: picked.name, text });
    setFormat(guessFormat(picked.name, text));
  }

  async function run(dryRun: boolean, event?: FormEvent) {
    event?.preventDefault();
    if (!file) return setError('Choose a .json or .jsonl file.');
    setPending(true);
    setError(null);
    try {
      setReport(
        await callApi(importLabels, { params: { projectId: slug }, body: { format, content: file.text, model, dryRun } }),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={(e) => void run(true, e)} className="flex flex-wrap items-end gap-2" aria-label="Import labels">
        <Field label="Label file" className="w-72">
          <Input type="file" accept=".json,.jsonl,.ndjson" onChange={(e) => void pick(e.target.files?.[0])} />
        </Field>
        <Field label="Format" className="w-48">
          <Select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            {LABEL_IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_NAMES[f]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Shown to annotators as" className="w-48">
          <Input value={model} onChange={(e) => setModel(e.target.value)} maxLength={100} />
        </Field>
        <Button type="submit" pending={pending && !report} disabled={!file}>
          Check
        </Button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {report && <LabelImportReport report={report} pending={pending} onImport={() => void run(false)} />}
    </div>
  );
}

function LabelImportReport({
  report,
  pending,
  onImport,
}: {
  report: TLabelImportReport;
  pending: boolean;
  onImport: () => void;
}) {
  const summary = `${report.items.toLocaleString()} of ${plural(report.rows, 'item')}, ${plural(report.regions, 'region')}`;
  return (
    <div className="space-y-2" data-testid="label-import-report">
      {report.dryRun ? (
        <Notice tone={report.items > 0 ? 'info' : 'warning'}>
          {report.items > 0 ? `${summary} would become suggestions.` : 'Nothing in this file can be imported.'} Nothing is written
          until you import.
          {report.items > 0 && (
            <Button size="sm" variant="primary" className="ml-3" pending={pending} onClick={onImport}>
              Import {plural(report.items, 'item')}
            </Button>
          )}
        </Notice>
      ) : (
        <Notice tone="success">
          Imported {summary}: annotators see them as suggestions to accept, edit or reject when they open these items.
        </Notice>
      )}
      {report.rejectedCount > 0 && (
        <>
          <p className="text-xs text-zinc-600">
            {report.rejectedCount.toLocaleString()} refused
            {report.rejectedCount > SHOWN_REFUSALS ? ` (the first ${SHOWN_REFUSALS} below)` : ''}:
          </p>
          <Table head={['Where', 'Why']} label="Refused rows">
            {report.rejected.slice(0, SHOWN_REFUSALS).map((r, i) => (
              <tr key={i}>
                <Td className="whitespace-nowrap font-mono text-xs">{r.row}</Td>
                <Td className="text-xs">{r.reason}</Td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </div>
  );
}

const plural = (n: number, noun: string) => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

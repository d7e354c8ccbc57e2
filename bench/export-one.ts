import { buildExport } from '../server/snapshots/build-export';
import { db, pool } from '../server/db';

// One export in a process of its own, so that its peak RSS is the export's alone (bench/export.bench.ts).
const exportId = process.argv[2]!;
const started = performance.now();
const built = await buildExport(exportId);
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, bytes: built?.bytes ?? null, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
await db().$disconnect();
await pool().end();

// The differential policy tests' oracle: reads one simulation per line (JSON Lines) on stdin and writes,
// per line, what @cloud-copilot/iam-simulate decides. scripts/iam-simulate.sh copies this file beside the
// installed package, so the import below resolves there. A test instrument only: it never ships.
//
// In:  {"id": "...", "simulation": <the package's Simulation>}
// Out: {"id": "...", "overall": ..., "resource": ..., "scp": ..., "errors": null | <validation errors>}
import { createInterface } from 'node:readline'
import { runSimulation } from '@cloud-copilot/iam-simulate'

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
const out = []
for await (const line of lines) {
  if (line.trim() === '') continue
  const { id, simulation } = JSON.parse(line)
  let answer
  try {
    const response = await runSimulation(simulation, {})
    if (response.resultType === 'error') {
      answer = { id, errors: response.errors }
    } else {
      const analysis = response.result.analysis
      answer = {
        id,
        overall: response.overallResult,
        resource: analysis?.resourceAnalysis?.result ?? null,
        scp: analysis?.scpAnalysis?.result ?? null,
        errors: null
      }
    }
  } catch (e) {
    answer = { id, errors: { thrown: String(e) } }
  }
  out.push(JSON.stringify(answer))
  if (out.length >= 500) {
    process.stdout.write(out.join('\n') + '\n')
    out.length = 0
  }
}
if (out.length > 0) process.stdout.write(out.join('\n') + '\n')

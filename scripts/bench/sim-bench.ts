// Prints the simulator domain benchmark as JSON (run with vite-node; read by scripts/bench/run.mjs).
import { runBenchmark } from '../../src/lib/sts/bench';

console.log(JSON.stringify(runBenchmark()));

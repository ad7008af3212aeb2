using BenchmarkDotNet.Running;

// Pick suites with --filter, e.g. --filter '*Age*'; see scripts/bench/run-benchmarks.sh.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

#!/usr/bin/env bash
# Building what the benchmark scripts run (Release, quietly). Sourced by scripts/bench/*.sh.

# Publishes the `dataspace` command of the repository $1 into the folder $2.
publish_dataspace() { dotnet publish "$1/src/DataSpace.Cli" -c Release -o "$2" --nologo -v quiet >/dev/null; }

# Builds the load generators and BenchmarkDotNet suites of the repository $1 (tests/DataSpace.Benchmarks).
build_benchmarks() { dotnet build "$1/tests/DataSpace.Benchmarks" -c Release --nologo -v quiet >/dev/null; }

using BenchmarkDotNet.Running;
using DataSpace.Benchmarks.Load;
using DataSpace.Benchmarks.Policy;

// `negotiation-load …` drives a running broker and provider connector (scripts/bench/negotiation-load.sh);
// `protocol-floor broker|provider|load …` runs the same exchanges with no work, for the transport's own cost;
// `rbac-interleaved [rounds]` times the RBAC decision cases in turn, for steady ratios on a shared machine;
// anything else picks BenchmarkDotNet suites with --filter, e.g. --filter '*Age*' (scripts/bench/run-benchmarks.sh).
if (args.Length > 0 && args[0] == "negotiation-load")
{
    return await NegotiationLoad.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "protocol-floor")
{
    return await ProtocolFloor.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "rbac-interleaved")
{
    return RbacInterleaved.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

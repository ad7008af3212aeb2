using System.Diagnostics;
using System.Globalization;

namespace DataSpace.Benchmarks.Policy;

/// <summary>
/// The cases of <see cref="RbacDecisionBenchmarks"/> timed in turn, round after round, in one
/// process: on a shared machine, load that comes and goes falls on every case alike, so the ratio
/// of each case to the hand-written rules in the same round stays steady where BenchmarkDotNet's
/// one-case-after-another runs do not. Prints a Markdown table of medians over the rounds.
/// Usage: <c>dotnet run -c Release --project tests/DataSpace.Benchmarks -- rbac-interleaved [rounds=40]</c>.
/// </summary>
internal static class RbacInterleaved
{
    private const int CallsPerRound = 20_000;
    private const int WarmUpRounds = 5;

    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        var suite = new RbacDecisionBenchmarks();
        suite.Setup();
        (string Name, Func<bool> Call)[] cases =
        [
            ("hand-written C# (granted)", suite.HandWrittenGranted),
            ("embedded engine, decision (granted)", suite.EmbeddedGranted),
            ("embedded engine, decision (denied)", suite.EmbeddedDenied),
            ("Rego prepared query only (granted)", () => suite.PreparedQueryGranted() > 0),
            ("hand-written C# (denied)", suite.HandWrittenDenied),
        ];
        var times = cases.Select(_ => new List<double>()).ToArray();
        var sink = false;
        for (var round = 0; round < WarmUpRounds + rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var call = cases[c].Call;
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < CallsPerRound; i++)
                {
                    sink ^= call();
                }
                if (round >= WarmUpRounds)
                {
                    times[c].Add(Stopwatch.GetElapsedTime(started).TotalNanoseconds / CallsPerRound);
                }
            }
        }
        Console.WriteLine($"{rounds} rounds of {CallsPerRound:N0} calls per case, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end{(sink ? "" : ".")}");
        Console.WriteLine();
        Console.WriteLine("| case | median | fastest round | median ratio to hand-written (granted), per round |");
        Console.WriteLine("|---|---|---|---|");
        for (var c = 0; c < cases.Length; c++)
        {
            var ratios = times[c].Zip(times[0], (t, floor) => t / floor);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {Median(times[c]):F1} ns | {times[c].Min():F1} ns | {Median(ratios):F2}× |"));
        }
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

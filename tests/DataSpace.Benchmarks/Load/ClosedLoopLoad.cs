using System.Diagnostics;

namespace DataSpace.Benchmarks.Load;

/// <summary>
/// A closed-loop load: N clients, each running one operation after the other for a fixed time
/// after a warm-up. Operations that end inside the measured window count; the row printed gives
/// how many succeeded, the rate, p50/p99 latency, failures and the CPU time per successful
/// operation of each watched process and of this one (<c>load</c>). The negotiation load and its
/// protocol floor share it, so their rows are measured the same way.
/// </summary>
internal static class ClosedLoopLoad
{
    /// <param name="label">What the row's first cell says before the client count.</param>
    /// <param name="startClient">Prepares client <c>i</c> and returns its operation: given a sequence number, true when it succeeded.</param>
    public static async Task<int> RunAsync(string label, LoadShape shape,
        Func<int, (Func<int, Task<bool>> Operation, IDisposable Resources)> startClient)
    {
        var (clients, duration, warmup, watch) = shape;
        var latencies = new List<double>[clients];
        var failures = new int[clients];
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = CpuDuringAsync(watch, measureFrom, stopAt);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            latencies[i] = [];
            var (operation, resources) = startClient(i);
            using var _ = resources;
            var n = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var began = Stopwatch.GetTimestamp();
                var succeeded = await operation(n++).ConfigureAwait(false);
                var ended = Stopwatch.GetTimestamp();
                if (began >= measureFrom && ended <= stopAt)
                {
                    if (succeeded)
                    {
                        latencies[i].Add(Stopwatch.GetElapsedTime(began, ended).TotalMilliseconds);
                    }
                    else
                    {
                        failures[i]++;
                    }
                }
            }
        }))).ConfigureAwait(false);

        var all = latencies.SelectMany(l => l).Order().ToList();
        var rate = all.Count / duration.TotalSeconds;
        var perOperation = string.Join(", ", (await cpu.ConfigureAwait(false)).Select(c => $"{c.Name} {c.Time.TotalMilliseconds / Math.Max(1, all.Count):F2}"));
        Console.WriteLine($"| {label}{clients} clients, {duration.TotalSeconds:F0} s after {warmup.TotalSeconds:F0} s warm-up | {all.Count} | {rate:F0} /s | {Percentile(all, 0.50):F1} ms | {Percentile(all, 0.99):F1} ms | {failures.Sum()} | {perOperation} |");
        return failures.Sum() == 0 && all.Count > 0 ? 0 : 1;
    }

    /// <summary>
    /// The CPU time each watched process and the load generator itself (<c>load</c>) use between
    /// <paramref name="from"/> and <paramref name="to"/>: the window whose operations are counted.
    /// </summary>
    private static async Task<IReadOnlyList<(string Name, TimeSpan Time)>> CpuDuringAsync(IReadOnlyList<(string Name, int ProcessId)> watch, long from, long to)
    {
        IReadOnlyList<(string Name, int? ProcessId)> all = [.. watch.Select(w => (w.Name, (int?)w.ProcessId)), ("load", null)];
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), from)).ConfigureAwait(false);
        var before = all.Select(p => ProcessCpu.Of(p.ProcessId)).ToList();
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), to)).ConfigureAwait(false);
        return [.. all.Select((p, i) => (p.Name, ProcessCpu.Of(p.ProcessId) - before[i]))];
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

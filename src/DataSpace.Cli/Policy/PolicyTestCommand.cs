using System.CommandLine;
using System.Diagnostics;
using DataSpace.Cli.Hosting;
using DataSpace.Rego;

namespace DataSpace.Cli.Policy;

/// <summary>
/// <c>dataspace policy test DIR [-v]</c>: runs every <c>test_*</c> rule defined in a <c>*_test.rego</c> file,
/// as <c>opa test</c> does. A test passes when its value is <c>true</c>; false, undefined and errors fail.
/// Prints a line per failure (each test with <c>-v</c>) and <c>N passed, M failed</c>; exit 1 on any failure.
/// </summary>
internal static class PolicyTestCommand
{
    public static Command Create(CliConsole console)
    {
        var dir = new Argument<string>("DIR") { Description = "The policy directory (or .tar.gz bundle) with its *_test.rego files." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every test, passed or not, with its time." };
        var v0 = PolicyOptions.V0Compatible();
        var command = new Command("test", "Run the test_* rules of *_test.rego files (like 'opa test').") { dir, verbose, v0 };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetRequiredValue(dir);
            var engine = PolicyLoading.Compile(path, PolicyLoading.LoadBundle(path, parsed.GetValue(v0))).Rego;
            var tests = engine.Rules
                .Where(r => r.Name.StartsWith("test_", StringComparison.Ordinal) && r.Kind != "function"
                            && r.Location.File.EndsWith("_test.rego", StringComparison.Ordinal))
                .DistinctBy(r => r.Path)
                .ToList();
            if (tests.Count == 0)
            {
                throw new CliException(ExitCodes.VerificationFailed, $"no test_* rules found in *_test.rego files under {path}.", "name test rules test_<what> in a file ending _test.rego.");
            }

            int passed = 0, failed = 0;
            foreach (var test in tests)
            {
                var (ok, detail, elapsed) = Run(engine, test, cancellationToken);
                var where = $"{test.Location.File}:{test.Location.Line}";
                if (ok)
                {
                    passed++;
                    if (parsed.GetValue(verbose))
                    {
                        await console.Out.WriteLineAsync($"PASS {test.Path} ({where}, {Format(elapsed)})");
                    }
                }
                else
                {
                    failed++;
                    await console.Out.WriteLineAsync($"{detail} {test.Path} ({where}, {Format(elapsed)})");
                }
            }
            await console.Out.WriteLineAsync($"{passed} passed, {failed} failed");
            return failed == 0 ? ExitCodes.Success : ExitCodes.VerificationFailed;
        });
        return command;
    }

    private static (bool Ok, string Detail, TimeSpan Elapsed) Run(RegoEngine engine, RuleInfo test, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var value = engine.EvaluateRule(test.Path, options: new RegoEvaluationOptions { CancellationToken = cancellationToken });
            return value switch
            {
                { IsTrue: true } => (true, "PASS", clock.Elapsed),
                null => (false, "FAIL (undefined)", clock.Elapsed),
                _ => (false, $"FAIL (got {value})", clock.Elapsed),
            };
        }
        catch (RegoException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"ERROR ({e.Message})", clock.Elapsed);
        }
    }

    private static string Format(TimeSpan elapsed) =>
        elapsed.TotalMilliseconds >= 1 ? $"{elapsed.TotalMilliseconds:0.0}ms" : $"{elapsed.TotalMicroseconds:0}µs";
}

using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Demo.Output;

/// <summary>
/// Plain lines for redirected or captured output: per row, the decision, who and what, then the
/// reason indented below, and a MISMATCH line when the outcome is not the expected one.
/// </summary>
internal sealed class PlainStoryWriter(CliConsole console) : IStoryWriter
{
    private const string Indent = "         ";

    public void Begin(string title, IReadOnlyList<(string Name, string Value)> facts)
    {
        console.Out.WriteLine($"dataspace demo: {title}");
        foreach (var (name, value) in facts)
        {
            console.Out.WriteLine($"  {name,-10} {value}");
        }
    }

    public async Task<IReadOnlyList<StepRow>> RunStepAsync(int number, string title, int count, IEnumerable<PendingRow> rows, Func<StepRow, bool> stop)
    {
        console.Out.WriteLine();
        console.Out.WriteLine($"Step {number}. {title}");
        var done = new List<StepRow>();
        foreach (var pending in rows)
        {
            var row = await pending.RunAsync();
            done.Add(row);
            console.Out.WriteLine($"  {Verdict.Label(row.Outcome),-6} {row.Who}: {row.What}");
            console.Out.WriteLine($"{Indent}{row.Outcome.Reason}");
            if (row.Mismatch is not null)
            {
                console.Out.WriteLine($"{Indent}MISMATCH: {row.Mismatch}");
            }
            await console.Out.FlushAsync();
            if (stop(row))
            {
                break;
            }
        }
        return done;
    }

    public void End(StoryResult result)
    {
        console.Out.WriteLine();
        console.Out.WriteLine(Verdict.Line(result));
        foreach (var mismatch in result.Mismatches)
        {
            console.Out.WriteLine($"  - {mismatch}");
        }
        foreach (var line in result.Epilogue)
        {
            console.Out.WriteLine(line);
        }
    }
}

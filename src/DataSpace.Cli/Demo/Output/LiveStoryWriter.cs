using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DataSpace.Cli.Demo.Output;

/// <summary>
/// On a terminal: while a step runs, a spinner names the action under way (the services answer in
/// a fraction of a second, but the delete-after wait takes seconds); when the step ends, its table
/// (who, what, decision, reason), an unexpected outcome marked in red with what was expected. A
/// table is written once, whole, so a step taller than the terminal is never cut. Tables go to
/// stdout, the spinner to stderr (the CLI's convention: results out, progress on the error stream).
/// </summary>
internal sealed class LiveStoryWriter(CliConsole console) : IStoryWriter
{
    private readonly IAnsiConsole _terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) });
    private readonly IAnsiConsole _progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });

    public void Begin(string title, IReadOnlyList<(string Name, string Value)> facts)
    {
        _terminal.Write(new Rule($"[bold]dataspace demo[/]: {Markup.Escape(title)}").LeftJustified());
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (name, value) in facts)
        {
            grid.AddRow(new Text(name, new Style(Color.Grey)), new Text(value));
        }
        _terminal.Write(grid);
    }

    public async Task<IReadOnlyList<StepRow>> RunStepAsync(int number, string title, int count, IEnumerable<PendingRow> rows, Func<StepRow, bool> stop)
    {
        var done = new List<StepRow>();
        await _progress.Status().Spinner(Spinner.Known.Dots).StartAsync($"Step {number}", async context =>
        {
            foreach (var pending in rows)
            {
                context.Status(Markup.Escape(Fit($"Step {number} · {done.Count + 1} of {count} · {pending.Who}: {pending.What}")));
                var row = await pending.RunAsync();
                done.Add(row);
                if (stop(row))
                {
                    break;
                }
            }
        });
        var table = new Table { Title = new TableTitle($"[bold]Step {number}[/] · {Markup.Escape(title)}"), Border = TableBorder.Rounded, Expand = true }
            .AddColumn(new TableColumn("who").NoWrap())
            .AddColumn("what")
            .AddColumn(new TableColumn("decision").NoWrap())
            .AddColumn("reason");
        foreach (var row in done)
        {
            table.AddRow(new Text(row.Who), new Text(row.What), Decision(row), Reason(row));
        }
        _terminal.WriteLine();
        _terminal.Write(table);
        return done;
    }

    /// <summary>The spinner's line fits the terminal: one line, cut with an ellipsis (wide characters count twice).</summary>
    private string Fit(string text)
    {
        var width = Math.Max(20, _progress.Profile.Width - 4);
        if (text.GetCellWidth() <= width)
        {
            return text;
        }
        var cut = text;
        while (cut.Length > 0 && cut.GetCellWidth() > width - 1)
        {
            cut = cut[..^1];
        }
        return cut + "…";
    }

    public void End(StoryResult result)
    {
        _terminal.WriteLine();
        var color = result.Succeeded ? "green" : "red";
        _terminal.MarkupLine($"[bold {color}]{Markup.Escape(Verdict.Line(result))}[/]");
        foreach (var mismatch in result.Mismatches)
        {
            _terminal.MarkupLine($"  [red]-[/] {Markup.Escape(mismatch.ToString())}");
        }
        foreach (var line in result.Epilogue)
        {
            _terminal.WriteLine(line);
        }
    }

    private static Markup Decision(StepRow row)
    {
        var label = Verdict.Label(row.Outcome);
        if (row.Mismatch is not null)
        {
            return new Markup($"[bold red]✗ {label}[/]");
        }
        return row.Outcome.Decision == Scenarios.Decision.Allow ? new Markup($"[green]✓ {label}[/]") : new Markup($"[blue]✓ {label}[/]");
    }

    private static IRenderable Reason(StepRow row) => row.Mismatch is null
        ? new Text(row.Outcome.Reason)
        : new Rows(new Text(row.Outcome.Reason), new Markup($"[red]{Markup.Escape(row.Mismatch)}[/]"));
}

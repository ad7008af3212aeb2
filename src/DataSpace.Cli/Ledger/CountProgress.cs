using DataSpace.Cli.Hosting;
using Spectre.Console;

namespace DataSpace.Cli.Ledger;

/// <summary>A live progress bar on stderr for long counted work (entries, bytes), drawn only when stderr is a terminal.</summary>
internal static class CountProgress
{
    public static async Task<T> RunAsync<T>(CliConsole console, string description, double total, Func<Action<double>?, Task<T>> work)
    {
        if (!console.IsInteractive)
        {
            return await work(null);
        }
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return await terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, total));
                var result = await work(done => task.Value = done);
                task.Value = task.MaxValue;
                return result;
            });
    }
}

using Spectre.Console;

namespace DataSpace.Cli.Hosting;

/// <summary>
/// A live progress bar on stderr for long byte-stream operations, drawn only when stderr is a
/// terminal; piped or captured output stays quiet.
/// </summary>
internal static class ByteProgress
{
    public static async Task<T> RunAsync<T>(CliConsole console, string description, long? totalBytes, Func<Action<long>?, Task<T>> work)
    {
        if (!console.IsInteractive)
        {
            return await work(null);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return await terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, totalBytes ?? 1));
                task.IsIndeterminate = totalBytes is null;
                var result = await work(bytes => task.Value = bytes);
                task.Value = task.MaxValue;
                return result;
            });
    }
}

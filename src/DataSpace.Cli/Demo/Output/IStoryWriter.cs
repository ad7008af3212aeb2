namespace DataSpace.Cli.Demo.Output;

/// <summary>
/// Shows the story as it runs: a heading, one table per step (who, what, decision, reason), the
/// verdict. Live Spectre tables on a terminal (<see cref="LiveStoryWriter"/>), plain lines when the
/// output is redirected or captured (<see cref="PlainStoryWriter"/>).
/// </summary>
internal interface IStoryWriter
{
    void Begin(string title, IReadOnlyList<(string Name, string Value)> facts);

    /// <summary>Runs the <paramref name="count"/> rows in order (each described when it starts), stopping after a row <paramref name="stop"/> says ends the story.</summary>
    Task<IReadOnlyList<StepRow>> RunStepAsync(int number, string title, int count, IEnumerable<PendingRow> rows, Func<StepRow, bool> stop);

    void End(StoryResult result);
}

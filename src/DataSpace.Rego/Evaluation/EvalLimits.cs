namespace DataSpace.Rego.Evaluation;

/// <summary>Bounds on one evaluation, checked as it runs; the deadline is a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
internal readonly record struct EvalLimits(long MaxSteps, int MaxDepth, long DeadlineTimestamp, CancellationToken Cancellation, bool StrictBuiltinErrors);

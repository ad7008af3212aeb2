namespace DataSpace.Rego.Evaluation;

/// <summary>Bounds on one evaluation, checked as it runs.</summary>
internal sealed record EvalLimits(long MaxSteps, int MaxDepth, DateTime Deadline, CancellationToken Cancellation, bool StrictBuiltinErrors);

namespace DataSpace.Connector.Usage;

/// <summary>What a permitted read gives: the data (<see cref="ReleasedData"/>), or the news that it was deleted (<see cref="DeletedData"/>).</summary>
public abstract record UseOutcome;

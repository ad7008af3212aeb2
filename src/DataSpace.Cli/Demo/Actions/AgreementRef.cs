namespace DataSpace.Cli.Demo.Actions;

/// <summary>A finalized agreement named by a negotiation's <c>"as"</c>: its id and the index of its <c>contract.agreement</c> entry.</summary>
internal sealed record AgreementRef(string AgreementId, ulong LedgerIndex, string Consumer);

using System.Text.Json.Nodes;
using DataSpace.Core.Results;
using DataSpace.Ledger.Entries;

namespace DataSpace.Broker.Common;

/// <summary>Reads the signed entries parties send (registrations, offers, negotiation messages, transfer events).</summary>
internal static class SignedEntries
{
    /// <summary>The entry in <paramref name="json"/>, which must be of <paramref name="type"/>.</summary>
    public static Result<LedgerEntry> Read(JsonNode? json, string type)
    {
        var verdict = LedgerEntry.TryRead(json, out var entry);
        if (!verdict.IsAccepted)
        {
            return Error.Invalid($"The request body is not a signed entry ({{\"type\",\"body\",\"signatures\"}}): {verdict.Reason}.");
        }
        return entry!.Type == type ? entry : Error.Invalid($"Expected a {type} entry, got {entry.Type}.");
    }
}

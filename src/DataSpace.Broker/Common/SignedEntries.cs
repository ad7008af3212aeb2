using System.Text.Json;
using DataSpace.Core.Results;
using DataSpace.Ledger.Entries;

namespace DataSpace.Broker.Common;

/// <summary>Reads the signed entries parties send (registrations, offers, negotiation messages, transfer events).</summary>
internal static class SignedEntries
{
    /// <summary>The entry in <paramref name="json"/>, which must be of <paramref name="type"/>.</summary>
    public static Result<LedgerEntry> Read(JsonElement json, string type)
    {
        var verdict = LedgerEntry.TryRead(json, out var entry);
        if (!verdict.IsAccepted)
        {
            return Error.Invalid($"The request body is not a signed entry ({{\"type\",\"body\",\"signatures\"}}): {verdict.Reason}.");
        }
        return entry!.Type == type ? entry : Error.Invalid($"Expected a {type} entry, got {entry.Type}.");
    }

    /// <summary>The entry in <paramref name="json"/>, of <paramref name="type"/>, with its body read strictly as <typeparamref name="T"/>.</summary>
    public static Result<(LedgerEntry Entry, T Body)> Read<T>(JsonElement json, string type, string what)
        where T : class
    {
        var entry = Read(json, type);
        if (!entry.IsSuccess)
        {
            return entry.Error;
        }
        var body = DataSpace.Core.Json.DomainJson.Read<T>(entry.Value.Body, what);
        return body.IsSuccess ? (entry.Value, body.Value) : body.Error;
    }
}

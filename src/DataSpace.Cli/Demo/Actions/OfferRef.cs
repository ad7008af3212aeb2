using System.Text.Json.Nodes;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>An offer the provider published: its id, where the ledger recorded it, and the offer as the catalog holds it.</summary>
internal sealed record OfferRef(string OfferId, ulong Index, JsonObject Offer);

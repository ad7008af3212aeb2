using System.Text.Json.Nodes;
using DataSpace.Connector.Common;
using DataSpace.Connector.Hosting;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;

namespace DataSpace.Connector.Negotiation;

/// <summary>The agreements this connector concluded as consumer, as recorded in the ledger (<c>DataDirectory/agreements</c>).</summary>
internal sealed class AgreementStore(ConnectorOptions options)
{
    private string Folder => Path.Combine(options.DataDirectory, "agreements");

    public Task SaveAsync(StoredAgreement agreement, CancellationToken cancellationToken) =>
        JsonFiles.WriteAsync(Path.Combine(Folder, JsonFiles.SafeName(agreement.AgreementId)), agreement, cancellationToken);

    public Task<StoredAgreement?> FindAsync(string agreementId, CancellationToken cancellationToken) =>
        JsonFiles.ReadAsync<StoredAgreement>(Path.Combine(Folder, JsonFiles.SafeName(agreementId)), cancellationToken);
}

/// <summary>A finalized agreement kept by the consumer.</summary>
/// <param name="AgreementId">Its id.</param>
/// <param name="LedgerIndex">Index of its entry in the broker's ledger.</param>
/// <param name="Entry">The entry, with the provider's, the consumer's and the broker's signatures.</param>
internal sealed record StoredAgreement(string AgreementId, ulong LedgerIndex, JsonObject Entry)
{
    public Agreement Agreement => DomainJson.Read<Agreement>(Entry["body"], "the agreement").Value;
}

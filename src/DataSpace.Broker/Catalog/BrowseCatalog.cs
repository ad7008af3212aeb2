using DataSpace.Core.Api;
using System.Globalization;
using DataSpace.Broker.Ledger;
using DataSpace.Core;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Hosting.Policies;
using Mediator;

namespace DataSpace.Broker.Catalog;

/// <summary>
/// A page of the catalog as <paramref name="Caller"/> may see it: every live offer, in ledger
/// order, that <c>dataspace.catalog</c> lets the caller see (its own offers always).
/// </summary>
/// <param name="Caller">The authenticated participant.</param>
/// <param name="Cursor">Where the page starts (from the previous page's <c>next</c>), or null.</param>
/// <param name="Limit">Most offers on the page (1-200).</param>
public sealed record BrowseCatalog(string Caller, string? Cursor, int Limit) : IQuery<Result<CatalogPage>>;

internal sealed class BrowseCatalogHandler(BrokerLedger ledger, PolicyGate policy, TimeProvider clock) : IQueryHandler<BrowseCatalog, Result<CatalogPage>>
{
    public async ValueTask<Result<CatalogPage>> Handle(BrowseCatalog query, CancellationToken cancellationToken)
    {
        if (query.Limit is < 1 or > 200)
        {
            return Error.Invalid("limit must be between 1 and 200.");
        }
        ulong start = 0;
        if (query.Cursor is not null && !ulong.TryParse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            return Error.Invalid("cursor must be the 'next' value of a previous page.");
        }
        if (ledger.State.FindParticipant(query.Caller) is not { IsActive: true } caller)
        {
            return Error.Forbidden($"{query.Caller} is not an active participant.");
        }
        var subject = PolicyInputs.Subject(caller);
        var now = Timestamps.Now(clock);
        var page = new List<OfferView>(query.Limit);
        foreach (var record in ledger.State.Offers.Where(o => !o.Withdrawn && o.Index >= start).OrderBy(o => o.Index))
        {
            if (page.Count == query.Limit)
            {
                return new CatalogPage(page, record.Index.ToString(CultureInfo.InvariantCulture));
            }
            var visible = record.Offer.Provider == query.Caller
                || (await policy.DecideAsync(PolicyInputs.CatalogPath, PolicyInputs.Browse(subject, record.Offer, now), cancellationToken).ConfigureAwait(false)).Allowed;
            if (visible)
            {
                page.Add(OfferView.Of(record));
            }
        }
        return new CatalogPage(page, null);
    }
}

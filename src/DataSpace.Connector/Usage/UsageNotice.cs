namespace DataSpace.Connector.Usage;

/// <summary>
/// The consumer tells the provider of one use of its data (the <c>notify_provider</c> duty). Sent as
/// a signed JSON object (this record plus <c>signatures</c>, signed by the consumer's registered
/// key) to <c>POST {provider endpoint}/notifications/usage</c> with the consumer's access token,
/// before the data is returned; the provider keeps it in <c>usage-notices.jsonl</c>.
/// </summary>
/// <param name="TransferId">The transfer whose data was used.</param>
/// <param name="AgreementId">The agreement it came under.</param>
/// <param name="Consumer">The consumer (the signer, and the token's subject).</param>
/// <param name="Purpose">The purpose declared for this use.</param>
/// <param name="Time">When the use was allowed.</param>
/// <param name="Use">Its number among the uses under the agreement, from 1.</param>
public sealed record UsageNotice(string TransferId, string AgreementId, string Consumer, string Purpose, DateTimeOffset Time, int Use)
{
    /// <summary>The provider's endpoint, relative to its connector's base URL.</summary>
    public const string Path = "notifications/usage";
}

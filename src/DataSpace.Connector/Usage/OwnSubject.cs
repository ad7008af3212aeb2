using System.Text.Json.Nodes;
using DataSpace.Connector.Brokering;
using DataSpace.Connector.Hosting;
using DataSpace.Core.Participants;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;

namespace DataSpace.Connector.Usage;

/// <summary>
/// The <c>subject</c> of this participant's own usage decisions: its verified attributes as the
/// broker's registry holds them now, and, as <c>enforces</c>, the duties this connector enforces
/// (<c>Connector:Enforces</c>), so that R10/R11 refuse a use whose duties it could not meet.
/// Read on every use: attributes change, and without the registry there is no use (fail closed).
/// </summary>
internal sealed class OwnSubject(BrokerClient broker, ParticipantKeys keys, ConnectorOptions options)
{
    public async Task<Result<JsonObject>> GetAsync(CancellationToken cancellationToken)
    {
        var view = await broker.GetParticipantAsync(keys.ParticipantId, cancellationToken).ConfigureAwait(false);
        if (!view.IsSuccess)
        {
            return Error.Unavailable($"This participant's attributes could not be read from the broker's registry, so no use can be decided (fail closed): {view.Error.Message}");
        }
        var v = view.Value;
        if (v.ParticipantId != keys.ParticipantId || !Enum.TryParse<ParticipantStatus>(v.Status, ignoreCase: true, out var status))
        {
            return Error.Unavailable($"The broker's registry answered for {keys.ParticipantId} with a participant it did not ask for or an unknown status \"{v.Status}\".");
        }
        var subject = PolicyInputs.Subject(new Participant(v.ParticipantId, v.VerifierKey, v.AgeRecipient, v.Attributes, status, v.RegisteredAt));
        subject[ParticipantAttributes.Enforces] = new JsonArray([.. options.Enforces.Select(duty => JsonValue.Create(duty))]);
        return subject;
    }
}

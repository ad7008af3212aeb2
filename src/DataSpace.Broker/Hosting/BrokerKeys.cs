using DataSpace.Crypto.Keys;
using DataSpace.Hosting.Security;

namespace DataSpace.Broker.Hosting;

/// <summary>
/// The broker's participant key (<c>DataDirectory/broker.key.json</c>): created on first start,
/// reused after. It signs the log's checkpoints, countersigns registrations and agreements, and
/// signs the negotiation messages the broker forwards to providers.
/// </summary>
internal static class BrokerKeys
{
    public const string FileName = "broker.key.json";

    public static ParticipantKeys LoadOrCreate(string dataDirectory, string participantId)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var keys = KeyFile.Parse(File.ReadAllBytes(path));
            if (keys.ParticipantId != participantId)
            {
                keys.Dispose();
                throw new InvalidOperationException($"{path} holds the key of {keys.ParticipantId}, but Broker:ParticipantId is {participantId}; use another data directory or the same id.");
            }
            return keys;
        }
        var created = ParticipantKeys.Generate(participantId);
        SecretFiles.WriteNew(path, KeyFile.Serialize(created));
        return created;
    }
}

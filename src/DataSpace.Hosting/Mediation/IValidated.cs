using DataSpace.Core.Results;

namespace DataSpace.Hosting.Mediation;

/// <summary>A request that can tell, before any handler runs, whether it is well-formed.</summary>
public interface IValidated
{
    /// <summary>Null when the request is acceptable; otherwise what is wrong.</summary>
    Error? Validate();
}

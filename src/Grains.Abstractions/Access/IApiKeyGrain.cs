namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>
/// One key (key: key id), where a gateway looks up the key presented to it: the id is part of the key text, so no
/// search is needed. Written by the fleet that owns the key.
/// </summary>
[Alias("ea.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores the key; false when this id was ever used before (the key is then not stored).</summary>
    [Alias("Issue")]
    Task<bool> Issue(ApiKeyGrant grant);

    /// <summary>Refuses the key from now on, for good; an id never issued stays unusable too.</summary>
    [Alias("Revoke")]
    Task Revoke();

    /// <summary>The key's credential; null for an id never issued.</summary>
    [Alias("GetCredential")]
    [Orleans.Concurrency.ReadOnly]
    Task<ApiKeyCredential?> GetCredential();
}

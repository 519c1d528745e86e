using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EnergyActors.Simulator.Shared;

/// <summary>Writes a run's figures for <c>--json</c>; a file that cannot be written fails the run, with the reason.</summary>
internal static class JsonResultFile
{
    public static async Task<bool> TryWriteAsync<T>(string path, T result, JsonTypeInfo<T> type)
    {
        try
        {
            await using (var file = File.Create(path))
            {
                await JsonSerializer.SerializeAsync(file, result, type, CancellationToken.None);
            }

            StatusMessages.Note($"Result written to {path}");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            StatusMessages.Error($"Cannot write {path}: {ex.Message}");
            return false;
        }
    }
}

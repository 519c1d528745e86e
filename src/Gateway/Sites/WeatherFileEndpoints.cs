using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Abstractions.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Sites;

/// <summary>/v1/weather-files: typical-year EPW files a fleet uploads for its sites to run on (a site names one in weatherFile).</summary>
public static class WeatherFileEndpoints
{
    /// <summary>Not text/plain: a browser may send that cross-site without asking, and an upload changes what sites simulate.</summary>
    public const string MediaType = "application/octet-stream";

    public static RouteGroupBuilder MapWeatherFiles(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithRequestRules("name");
        group.MapPut("/{name}", Upload)
            .WithName("UploadWeatherFile")
            .WithSummary("Upload a typical-year weather file (EPW)")
            .WithDescription("The body is the EnergyPlus weather file as it is, sent as application/octet-stream. It is read before it is kept: "
                + "a file that cannot be used is 400 naming its line. A file of the same name is replaced; sites naming it run on the new one within a minute. "
                + $"A fleet holds at most {IWeatherFilesGrain.MaxPerFleet} (409 beyond).")
            .Accepts<byte[]>(MediaType)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithExamples(ApiExamples.WeatherFile);
        group.MapGet("/", List)
            .WithName("ListWeatherFiles")
            .WithSummary("The fleet's weather files, by name")
            .WithExamples(ApiExamples.WeatherFiles);
        group.MapDelete("/{name}", Delete)
            .WithName("DeleteWeatherFile")
            .WithSummary("Delete a weather file")
            .WithDescription("Sites naming it run on synthetic weather from then on (within a minute). 404 when the fleet has no such file.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRefusalExample(StatusCodes.Status404NotFound, "Weather file not found", "The fleet has no weather file 'berlin.epw'.");
        return group;
    }

    private static async Task<Results<Ok<WeatherFileResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (NameProblem(name) is { } problem)
        {
            return problem;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return ValidationResults.From(new FieldError("body", "The body must be the weather file (EPW), sent as application/octet-stream."));
        }

        var upload = await Files(grains).Upload(name, buffer.ToArray());
        if (upload.Stored is { } stored)
        {
            return TypedResults.Ok(WeatherFileResponse.From(stored));
        }

        return upload.Full
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many weather files", detail: $"The fleet holds {IWeatherFilesGrain.MaxPerFleet} weather files; delete one first.")
            : ValidationResults.From(new FieldError("body", upload.Problem ?? "The weather file cannot be read."));
    }

    private static async Task<Ok<WeatherFileListResponse>> List(IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken) =>
        TypedResults.Ok(new WeatherFileListResponse([.. (await retry.RunAsync(() => Files(grains).List(), cancellationToken)).Select(WeatherFileResponse.From)]));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(string name, IGrainFactory grains)
    {
        if (NameProblem(name) is { } problem)
        {
            return problem;
        }

        return await Files(grains).Delete(name)
            ? TypedResults.NoContent()
            : Problems.NotFound("Weather file not found", $"The fleet has no weather file '{name}'.");
    }

    private static ValidationProblem? NameProblem(string name) =>
        WeatherFileName.IsValid(name) ? null : ValidationResults.From(new FieldError("name", $"'name' {WeatherFileName.Rule}."));

    /// <summary>The fleet the call acts for names the grain; an admin that named none is refused by it (400, name a fleet).</summary>
    private static IWeatherFilesGrain Files(IGrainFactory grains) => grains.GetGrain<IWeatherFilesGrain>(FleetScope.Current ?? FleetScope.AllFleets);
}

using System.Diagnostics.Metrics;
using EnergyActors.Gateway;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyActors.UnitTests.Operations;

public sealed class SiloLossRetryTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public async Task A_call_whose_silo_went_away_is_repeated_until_it_answers()
    {
        var attempts = 0;
        var answer = await Retry(TimeSpan.FromSeconds(10)).RunAsync(
            () => ++attempts < 3 ? Task.FromException<int>(new SiloUnavailableException("gone")) : Task.FromResult(42), CancellationToken.None);

        Assert.Equal(42, answer);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_call_that_found_no_gateway_is_repeated_too()
    {
        var failures = new Queue<Exception>([new Orleans.Runtime.Messaging.ConnectionFailedException("no gateways"), new SiloUnavailableException("gone")]);
        var answer = await Retry(TimeSpan.FromSeconds(10)).RunAsync(
            () => failures.TryDequeue(out var failure) ? Task.FromException<string>(failure) : Task.FromResult("ok"), CancellationToken.None);

        Assert.Equal("ok", answer);
    }

    [Theory]
    [InlineData("back-pressure")]
    [InlineData("timeout")]
    [InlineData("bug")]
    public async Task What_a_grain_decided_or_a_timeout_is_not_repeated(string kind)
    {
        Exception failure = kind switch
        {
            "back-pressure" => new BackPressureException("history is full", 1),
            "timeout" => new TimeoutException("no response"),
            _ => new InvalidOperationException("a bug"),
        };
        var attempts = 0;

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => Retry(TimeSpan.FromSeconds(10)).RunAsync(
            () =>
            {
                attempts++;
                return Task.FromException<int>(failure);
            },
            CancellationToken.None));

        Assert.Same(failure, thrown);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_cluster_that_stays_away_ends_in_the_loss_within_the_deadline()
    {
        var deadline = TimeSpan.FromSeconds(2.5);
        var started = DateTime.UtcNow;

        await Assert.ThrowsAsync<SiloUnavailableException>(() => Retry(deadline).RunAsync(
            () => Task.FromException<int>(new SiloUnavailableException("gone")), CancellationToken.None));

        Assert.True(DateTime.UtcNow - started < deadline, $"gave up after {DateTime.UtcNow - started}");
    }

    [Fact]
    public async Task A_call_that_never_answers_is_sent_again_after_a_third_of_the_deadline()
    {
        var never = new TaskCompletionSource<int>();
        var attempts = 0;

        var answer = await Retry(TimeSpan.FromSeconds(4.5)).RunAsync(() => ++attempts == 1 ? never.Task : Task.FromResult(7), CancellationToken.None);

        Assert.Equal(7, answer);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_hung_retry_is_cut_at_the_deadline_and_answered_as_unavailable()
    {
        var never = new TaskCompletionSource<int>();
        var attempts = 0;

        await Assert.ThrowsAsync<SiloUnavailableException>(() => Retry(TimeSpan.FromSeconds(2.5)).RunAsync(
            () => ++attempts == 1 ? Task.FromException<int>(new SiloUnavailableException("gone")) : never.Task, CancellationToken.None));

        // The failure, one attempt cut after a third of the deadline, then the last with what was left.
        Assert.Equal(3, attempts);
    }

    public void Dispose() => _services.Dispose();

    private SiloLossRetry Retry(TimeSpan deadline) =>
        new(deadline, new GatewayMetrics(_services.GetRequiredService<IMeterFactory>()), NullLogger<SiloLossRetry>.Instance);
}

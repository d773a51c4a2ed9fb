using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Telnyx.Runtime.Tests.Http;

/// <summary>The backoff and retry rules of <see cref="TelnyxRetryPolicy"/>, checked directly: no server, no client.</summary>
public sealed class TelnyxRetryPolicyTests
{
    [Fact]
    public void DefaultsAreTwoRetriesAnEightSecondCapAndSixtySecondsOfRetryAfter()
    {
        var policy = new TelnyxRetryPolicy();
        Assert.Equal(2, policy.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(8), policy.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), policy.MaxRetryAfter);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(409, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(599, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(422, false)]
    public void Retries408409429And5xxOnly(int status, bool retried)
    {
        Assert.Equal(retried, new TelnyxRetryPolicy().ShouldRetry(status));
    }

    [Fact]
    public void RetriesEveryTransportFailure()
    {
        var policy = new TelnyxRetryPolicy();
        Assert.True(policy.ShouldRetry(new HttpRequestException("refused")));
        Assert.True(policy.ShouldRetry(new IOException("reset")));
        Assert.True(policy.ShouldRetry(new OperationCanceledException()));
    }

    [Fact]
    public void BackoffDoublesFromHalfASecondUpToTheCap()
    {
        var policy = new FixedJitterPolicy(0);
        double[] seconds = new double[7];
        for (int attempt = 1; attempt <= seconds.Length; attempt++)
        {
            seconds[attempt - 1] = policy.GetDelay(attempt, null).TotalSeconds;
        }
        Assert.Equal(new[] { 0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0 }, seconds);
    }

    [Fact]
    public void JitterShortensTheBackoffByAtMostAQuarter()
    {
        // min(0.5 × 2^(n-1), 8) × (1 - 0.25 × 0.5)
        var half = new FixedJitterPolicy(0.5);
        Assert.Equal(0.4375, half.GetDelay(1, null).TotalSeconds);
        Assert.Equal(7.0, half.GetDelay(5, null).TotalSeconds);
        Assert.Equal(0.375, new FixedJitterPolicy(1).GetDelay(1, null).TotalSeconds);
    }

    [Theory]
    [InlineData(double.NaN, 0.5)]
    [InlineData(-3.0, 0.5)]
    [InlineData(7.0, 0.375)]
    public void OutOfRangeJitterIsPinned(double jitter, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, new FixedJitterPolicy(jitter).GetDelay(1, null).TotalSeconds);
    }

    [Fact]
    public void DefaultJitterStaysWithinThreeQuartersAndOne()
    {
        var policy = new TelnyxRetryPolicy();
        for (int i = 0; i < 200; i++)
        {
            Assert.InRange(policy.GetDelay(2, null).TotalSeconds, 0.75, 1.0);
        }
    }

    [Fact]
    public void TheCapFollowsMaxDelayAndLargeAttemptNumbersDoNotOverflow()
    {
        var policy = new FixedJitterPolicy(0) { MaxDelay = TimeSpan.FromSeconds(3) };
        Assert.Equal(2.0, policy.GetDelay(3, null).TotalSeconds);
        Assert.Equal(3.0, policy.GetDelay(4, null).TotalSeconds);
        Assert.Equal(3.0, policy.GetDelay(int.MaxValue, null).TotalSeconds);
        Assert.Equal(TimeSpan.Zero, new FixedJitterPolicy(0) { MaxDelay = TimeSpan.Zero }.GetDelay(1, null));
    }

    [Fact]
    public void RetryAfterReplacesTheBackoffAndIsClampedToZeroAndMaxRetryAfter()
    {
        var policy = new FixedJitterPolicy(0) { MaxRetryAfter = TimeSpan.FromSeconds(10) };
        Assert.Equal(TimeSpan.FromSeconds(3), policy.GetDelay(1, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.GetDelay(1, TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.Zero, policy.GetDelay(4, TimeSpan.FromSeconds(-2)));
    }

    [Fact]
    public async Task DelayAsyncWaitsOnTheGivenClockAndEndsOnCancellation()
    {
        var policy = new TelnyxRetryPolicy();
        Assert.True(policy.DelayAsync(TimeSpan.Zero, TimeProvider.System, default).IsCompletedSuccessfully);

        using var cts = new CancellationTokenSource();
        var wait = policy.DelayAsync(TimeSpan.FromMinutes(10), TimeProvider.System, cts.Token).AsTask();
        Assert.False(wait.IsCompleted);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void ASubclassCopiesTheSettingsItReplaces()
    {
        var bound = new TelnyxRetryPolicy { MaxRetries = 5, MaxDelay = TimeSpan.FromSeconds(2), MaxRetryAfter = TimeSpan.FromSeconds(9) };
        var copy = new FixedJitterPolicy(0, bound);
        Assert.Equal(5, copy.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), copy.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(9), copy.MaxRetryAfter);
    }

    private sealed class FixedJitterPolicy : TelnyxRetryPolicy
    {
        private readonly double _jitter;

        public FixedJitterPolicy(double jitter) => _jitter = jitter;

        public FixedJitterPolicy(double jitter, TelnyxRetryPolicy settings)
            : base(settings) => _jitter = jitter;

        protected override double NextJitter() => _jitter;
    }
}

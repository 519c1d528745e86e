using System.Diagnostics;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// How a load fared after a fault at <c>faultAt</c>. Service counts as back once no request ends badly any
/// more: <see cref="RecoveredAfter"/> is the time from the fault to the end of the last request that ended
/// after it and was not a 200 or took longer than the slow threshold (zero when there was none).
/// </summary>
public sealed record RecoveryTimeline(TimeSpan RecoveredAfter, int Answered, int Unavailable, int Slow, int OkAfterRecovery)
{
    /// <summary>The share of answers ending in the window that were 503.</summary>
    public double UnavailableShare => Answered == 0 ? 0 : (double)Unavailable / Answered;

    public static RecoveryTimeline Measure(IEnumerable<AnsweredRequest> answers, long faultAt, TimeSpan slow, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var windowEnd = faultAt + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var lastBadEnd = faultAt;
        int answered = 0, unavailable = 0, slowCount = 0;
        var after = answers.Where(a => a.Ended > faultAt).ToList();
        foreach (var answer in after)
        {
            var isSlow = answer.Duration > slow;
            if (answer.Status != 200 || isSlow)
            {
                lastBadEnd = Math.Max(lastBadEnd, answer.Ended);
            }

            if (answer.Ended <= windowEnd)
            {
                answered++;
                unavailable += answer.Status == 503 ? 1 : 0;
                slowCount += isSlow ? 1 : 0;
            }
        }

        var okAfterRecovery = after.Count(a => a.Status == 200 && a.Started > lastBadEnd);
        return new RecoveryTimeline(Stopwatch.GetElapsedTime(faultAt, lastBadEnd), answered, unavailable, slowCount, okAfterRecovery);
    }

    /// <summary>Per second after the fault: answers ending in it as "200s/503s/slow", to see the shape of an outage.</summary>
    public static string PerSecond(IEnumerable<AnsweredRequest> answers, long faultAt, TimeSpan slow, int seconds)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var ok = new int[seconds];
        var unavailable = new int[seconds];
        var slowCount = new int[seconds];
        foreach (var answer in answers.Where(a => a.Ended > faultAt))
        {
            var second = (int)Stopwatch.GetElapsedTime(faultAt, answer.Ended).TotalSeconds;
            if (second >= seconds)
            {
                continue;
            }

            ok[second] += answer.Status == 200 ? 1 : 0;
            unavailable[second] += answer.Status == 503 ? 1 : 0;
            slowCount[second] += answer.Duration > slow ? 1 : 0;
        }

        return string.Join(' ', Enumerable.Range(0, seconds).Select(i => $"{i}:{ok[i]}/{unavailable[i]}/{slowCount[i]}"));
    }

    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"served again {RecoveredAfter.TotalSeconds:F1} s after the fault; in the window {Answered} answers, {Unavailable} of them 503 ({UnavailableShare:P1}), {Slow} slower than the threshold; {OkAfterRecovery} 200s after recovery");
}

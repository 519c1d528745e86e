namespace EnergyActors.Grains.Alerts;

/// <summary>
/// One device's hold-off and clear time per kind of alert: a condition raises only once it has held for the rule's
/// hold-off seconds and over its hold-off readings, and clears only once it has been false for its clear seconds.
/// A condition that flips back before then leaves no alert behind. Kept in the device grain's memory (an activation
/// starts afresh); <see cref="NextDue"/> says when to judge again if no reading comes first.
/// </summary>
internal sealed class AlertGates
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>When a pending raise or clear becomes due, if one is pending.</summary>
    public DateTimeOffset? NextDue { get; private set; }

    public bool IsIdle => _gates.Count == 0;

    /// <summary>
    /// The decisions for <paramref name="conditions"/> at <paramref name="now"/>: Raise or Clear set only where the
    /// alert should change now. <paramref name="reading"/> says a reading (not a timer) led to this judgement.
    /// </summary>
    public List<(string Kind, bool Raise, bool Clear)> Judge(IEnumerable<AlertCondition> conditions, ICollection<string> active, DateTimeOffset now, bool reading)
    {
        var decisions = new List<(string, bool, bool)>();
        DateTimeOffset? due = null;
        foreach (var condition in conditions)
        {
            var rule = condition.Rule;
            var isActive = active.Contains(rule.Kind);
            if (!rule.Enabled)
            {
                _gates.Remove(rule.Kind);
                decisions.Add((rule.Kind, false, isActive));
                continue;
            }

            _gates.TryGetValue(rule.Kind, out var gate);
            bool raise = false, clear = false;
            if (condition.Raise)
            {
                gate = gate with { FalseSince = null, TrueSince = gate.TrueSince ?? now, TrueReadings = gate.TrueReadings + (reading ? 1 : 0) };
                var heldUntil = gate.TrueSince!.Value.AddSeconds(rule.HoldOffSeconds);
                raise = !isActive && now >= heldUntil && (rule.HoldOffReadings <= 1 || gate.TrueReadings >= rule.HoldOffReadings);
                if (!isActive && !raise && now < heldUntil)
                {
                    due = Earliest(due, heldUntil);
                }
            }
            else if (condition.Clear && isActive)
            {
                gate = gate with { TrueSince = null, TrueReadings = 0, FalseSince = gate.FalseSince ?? now };
                var clearAt = gate.FalseSince!.Value.AddSeconds(rule.ClearSeconds);
                clear = now >= clearAt;
                if (!clear)
                {
                    due = Earliest(due, clearAt);
                }
            }
            else if (condition.Clear)
            {
                gate = default;
            }
            else if (gate.TrueSince is { } since && !isActive)
            {
                // No judgement now (a band, or too little evidence): a pending raise stays pending.
                due = Earliest(due, since.AddSeconds(rule.HoldOffSeconds));
            }
            else if (gate.FalseSince is { } falseSince && isActive)
            {
                due = Earliest(due, falseSince.AddSeconds(rule.ClearSeconds));
            }

            decisions.Add((rule.Kind, raise, clear));
            if (gate == default)
            {
                _gates.Remove(rule.Kind);
            }
            else
            {
                _gates[rule.Kind] = gate;
            }
        }

        NextDue = due > now ? due : null;
        return decisions;
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private readonly record struct Gate(DateTimeOffset? TrueSince, int TrueReadings, DateTimeOffset? FalseSince);
}

namespace ActionNet.Grains.Cameras;

/// <summary>How the camera registry keeps cameras running and balanced; bound from the <see cref="SectionName"/> section.</summary>
public sealed class BalanceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet:Balance";

    /// <summary>Seconds between the registry's rounds (wake-ups and rebalancing moves).</summary>
    public int IntervalSeconds { get; set; } = 5;

    /// <summary>Most cameras moved per round, so joins, drains and deaths move cameras at a bounded rate.</summary>
    public int MovesPerRound { get; set; } = 3;

    /// <summary>Seconds a moved camera is left alone (not moved again, counted at its new silo) until that silo reports it.</summary>
    public int SettleSeconds { get; set; } = 30;

    /// <summary>Problems, one line each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (IntervalSeconds < 1)
        {
            errors.Add($"{SectionName}:{nameof(IntervalSeconds)} is {IntervalSeconds}; expected at least 1");
        }

        if (MovesPerRound < 0)
        {
            errors.Add($"{SectionName}:{nameof(MovesPerRound)} is {MovesPerRound}; expected 0 (no rebalancing) or more");
        }

        if (SettleSeconds < 1)
        {
            errors.Add($"{SectionName}:{nameof(SettleSeconds)} is {SettleSeconds}; expected at least 1");
        }

        return errors;
    }
}

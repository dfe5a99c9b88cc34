namespace DanVan.TestSupport;

/// <summary>
/// The app's clock in tests: the system clock until a test freezes it; a reset of the shared app lets it run again,
/// so a frozen time never leaks into the next test.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _frozen;

    /// <summary>Stops the clock at <paramref name="at"/> (e.g. 01:00 Vietnam time the day after a deadline).</summary>
    public void Freeze(DateTimeOffset at) => _frozen = at;

    /// <summary>Moves a frozen clock on.</summary>
    public void Advance(TimeSpan by) =>
        _frozen = (_frozen ?? throw new InvalidOperationException("the clock is not frozen")) + by;

    /// <summary>Lets the clock follow the system clock again.</summary>
    public void Release() => _frozen = null;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _frozen?.ToUniversalTime() ?? base.GetUtcNow();
}
